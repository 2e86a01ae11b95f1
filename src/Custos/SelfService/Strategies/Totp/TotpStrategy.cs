using Custos.Config;
using Custos.Identity;

namespace Custos.SelfService.Strategies.Totp;

/// <summary>
/// The <c>totp</c> method (strategies contract §2): an authenticator app as a second factor. Set up and removed in
/// settings, used at an <c>aal2</c> login. Partial files per flow; the key, QR code, replay block and nodes are the
/// building blocks beside it.
/// </summary>
internal sealed partial class TotpStrategy(TotpSettings settings, TotpLogin login, IIdentityPool identities, TimeProvider clock) : IAuthStrategy
{
    public string Method => CredentialTypes.Totp;

    public int Order => StrategyOrder.Totp;

    public bool IsEnabled(CustosOptions options) => options.Selfservice.Methods.Totp.Enabled;
}
