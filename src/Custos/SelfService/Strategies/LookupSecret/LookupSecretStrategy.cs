using Custos.Config;
using Custos.Identity;
using Custos.SelfService.Flows;

namespace Custos.SelfService.Strategies.LookupSecret;

/// <summary>
/// The <c>lookup_secret</c> method (strategies contract §3): backup codes as a second factor. Revealed, regenerated,
/// confirmed and disabled in settings, each used once at an <c>aal2</c> login. Partial files per flow.
/// </summary>
internal sealed partial class LookupSecretStrategy(LookupSecretSettings settings, LookupSecretVerifier verifier, IIdentityPool identities, IFlowStore flows) : IAuthStrategy
{
    public string Method => CredentialTypes.LookupSecret;

    public int Order => StrategyOrder.LookupSecret;

    public bool IsEnabled(CustosOptions options) => options.Selfservice.Methods.LookupSecret.Enabled;
}
