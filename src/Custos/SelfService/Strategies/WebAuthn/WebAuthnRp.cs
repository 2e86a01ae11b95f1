using Custos.Config;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>
/// The <c>webauthn</c> method's configuration turned into ceremony options (strategies contract §4.1, §4.3). Security-key
/// options are fixed, as Kratos's: user verification discouraged, no resident key, no attestation preference, 120 s.
/// </summary>
internal sealed class WebAuthnRp(IOptionsMonitor<CustosOptions> options)
{
    private const int TimeoutMs = 120_000;
    private const string UserVerification = "discouraged";

    private WebauthnConfigOptions Config => options.CurrentValue.Selfservice.Methods.Webauthn.Config;

    /// <summary><c>selfservice.methods.webauthn.config.passwordless</c>: keys are a first factor rather than a second.</summary>
    public bool Passwordless => Config.Passwordless;

    /// <summary>The AAL a webauthn login or a new key grants; it follows the config, not the key (§4.9 #2).</summary>
    public string Aal => Passwordless ? "aal1" : "aal2";

    public string PublicBaseUrl => options.CurrentValue.Serve.Public.EffectiveBaseUrl(options.CurrentValue.Dev);

    public RelyingParty RelyingParty => WebAuthn.RelyingParty.From(Config.Rp, PublicBaseUrl);

    /// <summary>The login UI showing this flow, where a browser is sent to run the ceremony (§4.5 step 1).</summary>
    public string LoginUi(Guid flowId) => Flows.FlowUrls.Ui(Flows.FlowKind.Login, options.CurrentValue, flowId);

    /// <summary>go-webauthn names the user after the relying party for security keys (§4.3).</summary>
    public CreationOptions Creation(byte[] userHandle, IReadOnlyList<CredentialDescriptor> exclude)
    {
        var rp = RelyingParty;
        return new CreationOptions(rp, rp.Name, rp.Name, userHandle, WebAuthnSession.NewChallenge(), TimeoutMs, exclude,
            new AuthenticatorSelection(null, null, null, UserVerification), null);
    }

    public AssertionOptions Assertion(IReadOnlyList<CredentialDescriptor> allow) =>
        new(WebAuthnSession.NewChallenge(), TimeoutMs, RelyingParty.Id, allow, UserVerification);
}
