using Custos.Config;
using Custos.Identity;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.Oidc;

/// <summary>
/// Social sign-in (strategies contract §5): a <c>provider</c> submit sends the person to the upstream provider with a
/// single-use <c>state</c> bound to the browser (or, for native apps, to the flow's exchange code); the callback
/// (<c>OidcCallbackHandler</c>) turns the provider's answer into a login, a registration or a linked credential.
/// Split per flow: <c>.Populate.cs</c> (the buttons), <c>.Login.cs</c>, <c>.Registration.cs</c>, <c>.Settings.cs</c>.
/// </summary>
internal sealed partial class OidcStrategy(
    IOptionsMonitor<CustosOptions> options,
    Sessions.Assurance.AvailableAalCalculator aal,
    OidcRedirect redirect,
    OidcCallbackContext callbacks,
    OidcIdTokens idTokens,
    IOidcClaimsMapper mapper,
    IOidcTokenCipher cipher,
    Flows.Registration.RegistrationIdentities registrations,
    IServiceProvider services,
    TimeProvider clock) : IAuthStrategy
{
    public string Method => CredentialTypes.Oidc;

    public int Order => StrategyOrder.Oidc;

    public bool IsEnabled(CustosOptions o) => o.Selfservice.Methods.Oidc.Enabled;

    private CustosOptions O => options.CurrentValue;

    /// <summary>The providers a form may offer: configured, and not an organisation's (Ory Network only; hidden in OSS, §5.1).</summary>
    private IEnumerable<OidcProviderOptions> FormProviders => O.Selfservice.Methods.Oidc.Config.Providers.Where(p => string.IsNullOrEmpty(p.OrganizationId));

    /// <summary>How many first factors <paramref name="identity"/> has (each linked provider counts once).</summary>
    private int FirstFactors(Identity.Identity identity) => aal.Count(identity.Credentials).FirstFactor;
}
