using System.Text;
using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Strategies.WebAuthn;
using Custos.SelfService.Ui;
using Custos.Sessions;

namespace Custos.SelfService.Strategies.Passkey;

internal sealed partial class PasskeyStrategy : ILoginStrategy
{
    public async Task<bool> PopulateAsync(LoginFlow flow, LoginForm form, CancellationToken ct)
    {
        switch (form.Mode)
        {
            case LoginFormMode.FirstFactor or LoginFormMode.Identification:
                await PopulateDiscoverableAsync(flow, trigger: form.Mode == LoginFormMode.FirstFactor, ct);
                return true;
            case LoginFormMode.Credentials:
                // Kratos: the button shows when the person has a passkey, and for everyone with enumeration mitigated.
                var has = form.Identity is { } identity && ConfigOf(identity).Credentials.Count > 0;
                if (has || form.Mitigate)
                {
                    // The identifier stays the hidden one of step 1; the options stay discoverable, so they do not
                    // tell whether the identifier is known.
                    AddDiscoverableChallenge(flow);
                    flow.Ui.Upsert(PasskeyNodes.LoginTriggerNode(flow.IsBrowser));
                }

                return has;
            case LoginFormMode.Refresh when form.Identity is { } refreshed:
                return await PopulateRefreshAsync(flow, refreshed, ct);
            default:
                return false;
        }
    }

    private async Task PopulateDiscoverableAsync(LoginFlow flow, bool trigger, CancellationToken ct)
    {
        flow.Ui.Upsert(UiNode.Input(UiNodeGroup.Default, "identifier", "text", "", required: true, autocomplete: "username webauthn",
            label: await LoginIdentifierLabel.ForAsync(displayNames.Schemas, flow.IdentitySchema ?? displayNames.Schemas.DefaultSchemaId, ct)));
        AddDiscoverableChallenge(flow);
        if (trigger)
        {
            flow.Ui.Upsert(PasskeyNodes.LoginTriggerNode(flow.IsBrowser));
        }
    }

    private void AddDiscoverableChallenge(LoginFlow flow)
    {
        var options = rp.Assertion([]);
        WebAuthnSession.For(options).SaveTo(flow, SessionKey);
        flow.Ui.Upsert(PasskeyNodes.ChallengeNode(options.ToJson().ToJsonString()));
        WebAuthnScriptNode.AddTo(flow, rp.PublicBaseUrl);
        flow.Ui.Upsert(PasskeyNodes.LoginNode(flow.IsBrowser, autocomplete: true));
    }

    // Re-authentication: the person is known, so the options list their passkeys (no discoverable prompt).
    private async Task<bool> PopulateRefreshAsync(LoginFlow flow, Identity.Identity identity, CancellationToken ct)
    {
        var keys = ConfigOf(identity).Credentials;
        if (keys.Count == 0)
        {
            return false;
        }

        var options = rp.Assertion(CredentialDescriptor.Of(keys));
        WebAuthnSession.For(options).SaveTo(flow, SessionKey);
        flow.Ui.Upsert(PasskeyNodes.ChallengeNode(options.ToJson().ToJsonString()));
        WebAuthnScriptNode.AddTo(flow, rp.PublicBaseUrl);
        flow.Ui.Upsert(PasskeyNodes.LoginNode(flow.IsBrowser, autocomplete: false));
        flow.Ui.Upsert(PasskeyNodes.LoginTriggerNode(flow.IsBrowser));
        flow.Ui.Upsert(UiNode.Input(UiNodeGroup.Default, "identifier", "hidden", await displayNames.ValueAsync(identity, ct), required: true));
        return true;
    }

    public async Task<StrategyOutcome<LoginSucceeded>> SubmitAsync(FlowSubmission<LoginFlow> submission, CancellationToken ct)
    {
        var flow = submission.Flow;
        var response = FlowPayloadReader.GetString(submission.Payload, PasskeyNodes.Login);
        // passkey_login is a button-only payload: it belongs to passkey whatever `method` says (§0.1).
        if ((string.IsNullOrEmpty(response) && submission.Method != Method) || flow.RequestedAal != "aal1")
        {
            return StrategyOutcome<LoginSucceeded>.NotResponsible;
        }

        if (string.IsNullOrEmpty(response))
        {
            // The method button without an assertion: a fresh passkey form, and the browser is sent to run it.
            flow.Ui.Nodes.RemoveAll(n => n.Key != "csrf_token");
            await PopulateDiscoverableAsync(flow, trigger: true, ct);
            return StrategyOutcome<LoginSucceeded>.Respond(new FlowOutcome.Navigate(rp.LoginUi(flow.Id)));
        }

        flow.Ui.Find(PasskeyNodes.Login)?.Value = null;
        var failure = await VerifyLoginAsync(flow, response, ct);
        if (failure.Message is { } message)
        {
            flow.Ui.Messages.Add(message);
            return StrategyOutcome<LoginSucceeded>.Invalid;
        }

        WebAuthnSession.RemoveFrom(flow, SessionKey);
        return StrategyOutcome<LoginSucceeded>.Success(new LoginSucceeded(failure.Identity!, new AuthenticationMethod(Method, "aal1", Clock.Now(clock), null)));
    }

    private async Task<(Identity.Identity? Identity, UiText? Message)> VerifyLoginAsync(LoginFlow flow, string response, CancellationToken ct)
    {
        if (WebAuthnCeremony.ParseAssertion(response) is not { } assertion)
        {
            return (null, Messages.ErrorValidationGeneric("Unable to parse WebAuthn response."));
        }

        if (WebAuthnSession.LoadFrom(flow, SessionKey) is not { } session)
        {
            return (null, Messages.ErrorValidationGeneric("This login flow offered no passkey challenge. Reload the page and try again."));
        }

        if (assertion.UserHandle is not { } handle || await FindOwnerAsync(handle, ct) is not { } owner)
        {
            return (null, Messages.ErrorValidationSuchNoWebAuthnUser());
        }

        var (identity, type) = owner;
        var config = WebAuthnCredentialConfig.Read(identity.Credentials.GetValueOrDefault(type)?.Config);
        // Kratos accepts only passwordless keys here, also for a webauthn credential found by its user handle.
        if (config.Find(assertion.CredentialId) is not { IsPasswordless: true } stored)
        {
            return (null, Messages.ErrorValidationWebAuthnVerifierWrong());
        }

        if (await ceremony.VerifyAsync(rp.RelyingParty, session, assertion, stored, ct) is not { } verified
            || !await store.TrySpendChallengeAsync(session.Challenge, Clock.Now(clock), ct))
        {
            return (null, Messages.ErrorValidationWebAuthnVerifierWrong());
        }

        await signCounts.RecordAsync(identity.Id, type, verified, Clock.Now(clock), ct);
        return (identity, null);
    }

    private async Task<(Identity.Identity Identity, string Type)?> FindOwnerAsync(byte[] handle, CancellationToken ct)
    {
        if (await identities.FindByCredentialsIdentifierAsync(CredentialTypes.Passkey, Encoding.UTF8.GetString(handle), ct) is { } identity)
        {
            return (identity, CredentialTypes.Passkey);
        }

        return await store.FindIdentityByWebAuthnUserHandleAsync(handle, ct) is { } id
            && await identities.GetAsync(id, withCredentials: true, ct) is { } legacy
            ? (legacy, CredentialTypes.WebAuthn)
            : null;
    }
}
