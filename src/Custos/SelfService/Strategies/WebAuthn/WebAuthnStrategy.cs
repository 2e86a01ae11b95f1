using Custos.Config;
using Custos.Identity;

namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>
/// Security keys (strategies contract §4.4, §4.5): a second factor, or with <c>config.passwordless: true</c> a first
/// factor found by identifier. Browser flows only, as Kratos: API flows get no nodes and their submissions are declined.
/// The user handle is the identity id's bytes in settings and a random UUID at registration.
/// </summary>
internal sealed partial class WebAuthnStrategy(
    WebAuthnRp rp,
    WebAuthnCeremony ceremony,
    IWebAuthnStore store,
    IPrivilegedIdentityPool identities,
    WebAuthnAccounts accounts,
    Sessions.Assurance.AvailableAalCalculator aal,
    SignCountRecorder signCounts,
    TimeProvider clock) : IAuthStrategy
{
    /// <summary>Where the flow keeps the ceremony it showed (Kratos: <c>webauthn.session_data</c> in the internal context).</summary>
    internal const string SessionKey = "webauthn_session_data";

    /// <summary>The registration options, created once per flow and shown again on every render (§4.9 #7).</summary>
    internal const string OptionsKey = "webauthn_session_options";

    public string Method => CredentialTypes.WebAuthn;

    public int Order => StrategyOrder.Webauthn;

    public bool IsEnabled(CustosOptions options) => options.Selfservice.Methods.Webauthn.Enabled;

    private static WebAuthnCredentialConfig ConfigOf(Identity.Identity identity) =>
        WebAuthnCredentialConfig.Read(identity.Credentials.GetValueOrDefault(CredentialTypes.WebAuthn)?.Config);

    /// <summary>The keys a login may use: passwordless ones at aal1, the others at aal2, all on a refresh (§4.9 #3).</summary>
    private static bool Usable(StoredWebAuthnCredential key, string requestedAal, bool refresh) =>
        refresh || key.IsPasswordless == (requestedAal == "aal1");
}
