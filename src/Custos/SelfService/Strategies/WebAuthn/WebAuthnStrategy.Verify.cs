using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.WebAuthn;

internal sealed partial class WebAuthnStrategy
{
    /// <summary>
    /// Checks an assertion against the flow's challenge and <paramref name="identity"/>'s keys usable at the flow's AAL
    /// (Kratos's <c>loginAuthenticate</c>); the message to show, or null when it holds and its challenge is now spent.
    /// </summary>
    private async Task<UiText?> VerifyAsync(LoginFlow flow, Identity.Identity identity, string? response, CancellationToken ct)
    {
        var config = ConfigOf(identity);
        if (config.Credentials.Count == 0)
        {
            return Messages.ErrorValidationNoWebAuthnDevice();
        }

        if (WebAuthnCeremony.ParseAssertion(response) is not { } assertion)
        {
            return Messages.ErrorValidationGeneric("Unable to parse WebAuthn response.");
        }

        if (WebAuthnSession.LoadFrom(flow, SessionKey) is not { } session)
        {
            return Messages.ErrorValidationGeneric("This login flow offered no security key challenge. Reload the page and try again.");
        }

        // go-webauthn refuses a user handle that is not the identity's, and a key the flow's AAL does not accept.
        if (config.Find(assertion.CredentialId) is not { } stored || !Usable(stored, flow.RequestedAal, flow.Refresh)
            || (assertion.UserHandle is { } handle && (config.UserHandle is null || !handle.AsSpan().SequenceEqual(config.UserHandle))))
        {
            return Messages.ErrorValidationWebAuthnVerifierWrong();
        }

        var now = Clock.Now(clock);
        if (await ceremony.VerifyAsync(rp.RelyingParty, session, assertion, stored, ct) is not { } verified
            || !await store.TrySpendChallengeAsync(session.Challenge, now, ct))
        {
            return Messages.ErrorValidationWebAuthnVerifierWrong();
        }

        await signCounts.RecordAsync(identity.Id, CredentialTypes.WebAuthn, verified, now, ct);
        return null;
    }
}
