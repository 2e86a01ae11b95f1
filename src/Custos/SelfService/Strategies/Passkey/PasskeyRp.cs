using Custos.Config;
using Custos.SelfService.Strategies.WebAuthn;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.Passkey;

/// <summary>The passkey method's configuration turned into ceremony options (strategies contract §4.1, §4.3).</summary>
internal sealed class PasskeyRp(IOptionsMonitor<CustosOptions> options)
{
    private PasskeyConfigOptions Config => options.CurrentValue.Selfservice.Methods.Passkey.Config;

    public string PublicBaseUrl => options.CurrentValue.Serve.Public.EffectiveBaseUrl(options.CurrentValue.Dev);

    public RelyingParty RelyingParty => WebAuthn.RelyingParty.From(Config.Rp, PublicBaseUrl);

    /// <summary>The login UI showing this flow, where a browser is sent to run the ceremony (§4.6).</summary>
    public string LoginUi(Guid flowId) => Flows.FlowUrls.Ui(Flows.FlowKind.Login, options.CurrentValue, flowId);

    public string UserVerification => Config.AuthenticatorSelection.UserVerification;

    public CreationOptions Creation(string userName, byte[] userHandle, IReadOnlyList<CredentialDescriptor> exclude)
    {
        var selection = Config.AuthenticatorSelection;
        return new CreationOptions(
            RelyingParty, userName, userName, userHandle, WebAuthnSession.NewChallenge(), Timeout(Config.Timeouts.Registration), exclude,
            new AuthenticatorSelection(selection.Attachment, selection.ResidentKey == "required", selection.ResidentKey, selection.UserVerification),
            Config.Attestation.Preference);
    }

    /// <summary>Login options; no credentials means a discoverable login, where the authenticator names the user.</summary>
    public AssertionOptions Assertion(IReadOnlyList<CredentialDescriptor> allow) =>
        new(WebAuthnSession.NewChallenge(), Timeout(Config.Timeouts.Login), RelyingParty.Id, allow, UserVerification);

    // go-webauthn's defaults: 300 s, or 120 s when user verification is discouraged.
    private int Timeout(TimeSpan? configured) =>
        configured is { } value ? (int)value.TotalMilliseconds : UserVerification == "discouraged" ? 120_000 : 300_000;
}
