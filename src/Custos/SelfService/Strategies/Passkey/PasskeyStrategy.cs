using Custos.Config;
using Custos.Identity;
using Custos.SelfService.Strategies.WebAuthn;

namespace Custos.SelfService.Strategies.Passkey;

/// <summary>
/// Passkeys (strategies contract §4.6): discoverable WebAuthn credentials as a first factor on browser, SPA and API
/// flows. A passkey alone is aal1 (Kratos 8eee972d8). Each registered passkey gets its own 64-character user handle,
/// which is also the credential's identifier, so a login finds the identity from the handle the authenticator returns.
/// </summary>
internal sealed partial class PasskeyStrategy(
    PasskeyRp rp,
    PasskeyDisplayName displayNames,
    WebAuthnCeremony ceremony,
    IWebAuthnStore store,
    IPrivilegedIdentityPool identities,
    Flows.Registration.RegistrationIdentities registrations,
    Sessions.Assurance.AvailableAalCalculator aal,
    SignCountRecorder signCounts,
    TimeProvider clock) : IAuthStrategy
{
    /// <summary>Where the flow keeps the ceremony it showed (Kratos: <c>passkey.session_data</c> in the internal context).</summary>
    internal const string SessionKey = "passkey_session_data";

    /// <summary>The registration options, created once per flow and shown again on every render (§4.9 #7).</summary>
    internal const string CreateDataKey = "passkey_create_data";

    public string Method => CredentialTypes.Passkey;

    public int Order => StrategyOrder.Passkey;

    public bool IsEnabled(CustosOptions options) => options.Selfservice.Methods.Passkey.Enabled;

    private static WebAuthnCredentialConfig ConfigOf(Identity.Identity identity) =>
        WebAuthnCredentialConfig.Read(identity.Credentials.GetValueOrDefault(CredentialTypes.Passkey)?.Config);

    /// <summary>A new user handle: 64 random letters and digits, as Kratos (the bytes of that text).</summary>
    private static byte[] NewUserHandle()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return System.Text.Encoding.ASCII.GetBytes(System.Security.Cryptography.RandomNumberGenerator.GetString(alphabet, 64));
    }
}
