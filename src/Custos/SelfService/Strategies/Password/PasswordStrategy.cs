using Custos.Config;
using Custos.Schema;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Password;

/// <summary>
/// The <c>password</c> method for login, registration and settings (one class, partial files per flow). Owns its
/// nodes and its checks; never writes the HTTP response.
/// </summary>
internal sealed partial class PasswordStrategy(
    PasswordLoginVerifier verifier,
    PasswordRegistrar registrar,
    IdentitySchemaProvider schemas,
    Microsoft.Extensions.Options.IOptionsMonitor<CustosOptions> options,
    TimeProvider clock,
    PasswordChange passwordChange,
    Security.Throttling.FlowThrottle throttle) : IAuthStrategy
{
    public string Method => "password";

    public int Order => StrategyOrder.Password;

    public bool IsEnabled(CustosOptions o) => o.Selfservice.Methods.Password.Enabled;

    private Task<UiText> IdentifierLabelAsync(string? schemaId, CancellationToken ct) =>
        LoginIdentifierLabel.ForAsync(schemas, schemaId ?? options.CurrentValue.Identity.DefaultSchemaId, ct);
}
