using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Ui;
using Custos.Sessions;

namespace Custos.SelfService.Strategies.WebAuthn;

internal sealed partial class WebAuthnStrategy : ISettingsStrategy
{
    private const string LockOutReason = "unable to remove this security key because it would lock you out of your account";
    private const string DuplicateReason = "this security key or passkey is already registered with your account";

    public Task PopulateAsync(SettingsFlow flow, Identity.Identity identity, CancellationToken ct)
    {
        if (!flow.IsBrowser)
        {
            return Task.CompletedTask;
        }

        var keys = ConfigOf(identity).Credentials;
        var firstFactors = FirstFactors(identity);
        foreach (var key in keys)
        {
            // Only a passwordless key can be the last way in; a second factor may always go.
            flow.Ui.Nodes.Add(WebAuthnNodes.RemoveNode(key, disabled: key.IsPasswordless && firstFactors < 2));
        }

        // The user handle is the identity id, and every key there is excluded so an authenticator cannot enrol twice (§4.9 #9).
        var options = rp.Creation(identity.Id.ToByteArray(bigEndian: true), CredentialDescriptor.Of(keys));
        WebAuthnSession.For(options).SaveTo(flow, SessionKey);
        var json = options.ToJson().ToJsonString();
        WebAuthnScriptNode.AddTo(flow, rp.PublicBaseUrl);
        flow.Ui.Upsert(WebAuthnNodes.DisplayNameNode());
        flow.Ui.Upsert(WebAuthnNodes.RegisterTriggerNode(json, Messages.InfoSelfServiceSettingsRegisterWebAuthn()));
        flow.Ui.Upsert(WebAuthnNodes.RegisterNode());
        return Task.CompletedTask;
    }

    public async Task<StrategyOutcome<SettingsSucceeded>> SubmitAsync(FlowSubmission<SettingsFlow> submission, SettingsContext context, CancellationToken ct)
    {
        // webauthn_register and webauthn_remove are button-only payloads (§0.1).
        var remove = FlowPayloadReader.GetString(submission.Payload, WebAuthnNodes.Remove);
        var register = FlowPayloadReader.GetString(submission.Payload, WebAuthnNodes.Register);
        if (!submission.Flow.IsBrowser || (string.IsNullOrEmpty(remove) && string.IsNullOrEmpty(register)))
        {
            return StrategyOutcome<SettingsSucceeded>.NotResponsible;
        }

        if (!context.IsPrivileged)
        {
            return StrategyOutcome<SettingsSucceeded>.Respond(context.RefreshRequired());
        }

        var flow = submission.Flow;
        return !string.IsNullOrEmpty(register)
            ? await AddAsync(flow, context.Identity, register, FlowPayloadReader.GetString(submission.Payload, WebAuthnNodes.RegisterDisplayName) ?? "", ct)
            : Remove(flow, context.Identity, remove!);
    }

    private async Task<StrategyOutcome<SettingsSucceeded>> AddAsync(SettingsFlow flow, Identity.Identity identity, string response, string displayName, CancellationToken ct)
    {
        flow.Ui.Find(WebAuthnNodes.RegisterDisplayName)?.Value = displayName;
        if (WebAuthnSession.LoadFrom(flow, SessionKey) is not { UserHandle: { } userHandle } session)
        {
            return Refuse(flow, null, Messages.ErrorValidationGeneric("This settings flow offered no security key challenge. Reload the page and try again."));
        }

        // Kratos answers a failed ceremony with a 500; Custos shows it on the form (400, docs/differences.md).
        var verified = await ceremony.RegisterAsync(rp.RelyingParty, session, response, rp.Passwordless, ct);
        if (verified.Credential is not { } credential)
        {
            return Refuse(flow, null, Messages.ErrorValidationGeneric(verified.Error!));
        }

        var config = ConfigOf(identity);
        if (config.Find(credential.Id) is not null)
        {
            return Refuse(flow, WebAuthnNodes.Register, Messages.ErrorValidationGeneric(DuplicateReason));
        }

        if (!await accounts.HasIdentifierAsync(identity, ct))
        {
            return Refuse(flow, null, Messages.ErrorValidationIdentifierMissing());
        }

        var now = Clock.Now(clock);
        if (!await store.TrySpendChallengeAsync(session.Challenge, now, ct))
        {
            return Refuse(flow, null, Messages.ErrorValidationGeneric("This security key challenge was used already. Reload the page and try again."));
        }

        // The submitted name wins over the authenticator's, even when empty (Kratos).
        credential.DisplayName = displayName;
        config.Credentials.Add(credential);
        config.UserHandle = userHandle;
        config.SaveTo(identity, CredentialTypes.WebAuthn, now);
        WebAuthnSession.RemoveFrom(flow, SessionKey);
        return StrategyOutcome<SettingsSucceeded>.Success(new SettingsSucceeded(identity, new AuthenticationMethod(Method, rp.Aal, now, null)));
    }

    private StrategyOutcome<SettingsSucceeded> Remove(SettingsFlow flow, Identity.Identity identity, string hexId)
    {
        var config = ConfigOf(identity);
        if (WebAuthnBytes.FromHex(hexId) is not { } id || config.Find(id) is not { } key)
        {
            return Refuse(flow, null, Messages.ErrorValidationGeneric("You tried to remove a WebAuthn credential which does not exist."));
        }

        if (key.IsPasswordless && FirstFactors(identity) < 2)
        {
            return Refuse(flow, WebAuthnNodes.Remove, Messages.ErrorValidationGeneric(LockOutReason));
        }

        config.Credentials.Remove(key);
        config.SaveTo(identity, CredentialTypes.WebAuthn, Clock.Now(clock));

        return StrategyOutcome<SettingsSucceeded>.Success(new SettingsSucceeded(identity));
    }

    private int FirstFactors(Identity.Identity identity) => aal.Count(identity.Credentials).FirstFactor;

    private static StrategyOutcome<SettingsSucceeded> Refuse(SettingsFlow flow, string? node, UiText message)
    {
        flow.Ui.AddMessage(node, message, node is null ? UiNodeGroup.Default : UiNodeGroup.WebAuthn);
        return StrategyOutcome<SettingsSucceeded>.Invalid;
    }
}
