using System.Text;
using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Strategies.WebAuthn;
using Custos.SelfService.Ui;
using Custos.Sessions;

namespace Custos.SelfService.Strategies.Passkey;

internal sealed partial class PasskeyStrategy : ISettingsStrategy
{
    private const string LockOutReason = "unable to remove this security key because it would lock you out of your account";

    public async Task PopulateAsync(SettingsFlow flow, Identity.Identity identity, CancellationToken ct)
    {
        var config = ConfigOf(identity);
        var canRemove = FirstFactors(identity) >= 2;
        foreach (var key in config.Credentials)
        {
            flow.Ui.Nodes.Add(PasskeyNodes.RemoveNode(key, disabled: !canRemove));
        }

        var name = await displayNames.ValueAsync(identity, ct);
        if (name.Length == 0)
        {
            // Kratos: no trait names the passkey, so none can be added (4000009 on the form).
            flow.Ui.Messages.Add(Messages.ErrorValidationIdentifierMissing());
            return;
        }

        // A new user handle per passkey; the options list every passkey already there (§4.9 #9).
        var options = rp.Creation(name, NewUserHandle(), CredentialDescriptor.Of(config.Credentials));
        WebAuthnSession.For(options).SaveTo(flow, SessionKey);
        WebAuthnScriptNode.AddTo(flow, rp.PublicBaseUrl);
        flow.Ui.Nodes.Add(PasskeyNodes.SettingsTriggerNode(flow.IsBrowser));
        flow.Ui.Nodes.Add(PasskeyNodes.SettingsRegisterNode());
        flow.Ui.Nodes.Add(PasskeyNodes.CreateDataNode(options.ToJson().ToJsonString()));
    }

    public async Task<StrategyOutcome<SettingsSucceeded>> SubmitAsync(FlowSubmission<SettingsFlow> submission, SettingsContext context, CancellationToken ct)
    {
        // passkey_remove and passkey_settings_register are button-only payloads (§0.1).
        var remove = FlowPayloadReader.GetString(submission.Payload, PasskeyNodes.Remove);
        var register = FlowPayloadReader.GetString(submission.Payload, PasskeyNodes.SettingsRegister);
        if (string.IsNullOrEmpty(remove) && string.IsNullOrEmpty(register))
        {
            return StrategyOutcome<SettingsSucceeded>.NotResponsible;
        }

        if (!context.IsPrivileged)
        {
            return StrategyOutcome<SettingsSucceeded>.Respond(context.RefreshRequired());
        }

        var flow = submission.Flow;
        return !string.IsNullOrEmpty(remove)
            ? Remove(flow, context.Identity, remove)
            : await AddAsync(flow, context.Identity, register!, ct);
    }

    private async Task<StrategyOutcome<SettingsSucceeded>> AddAsync(SettingsFlow flow, Identity.Identity identity, string response, CancellationToken ct)
    {
        if (WebAuthnSession.LoadFrom(flow, SessionKey) is not { UserHandle: { } userHandle } session)
        {
            return Refuse(flow, null, "This settings flow offered no passkey challenge. Reload the page and try again.");
        }

        var verified = await ceremony.RegisterAsync(rp.RelyingParty, session, response, passwordless: true, ct);
        if (verified.Credential is not { } credential)
        {
            return Refuse(flow, null, verified.Error!);
        }

        var config = ConfigOf(identity);
        if (config.Find(credential.Id) is not null)
        {
            return Refuse(flow, PasskeyNodes.SettingsRegister, "this security key or passkey is already registered with your account");
        }

        var now = Clock.Now(clock);
        if (!await store.TrySpendChallengeAsync(session.Challenge, now, ct))
        {
            return Refuse(flow, null, "This passkey challenge was used already. Reload the page and try again.");
        }

        credential.DisplayName = AuthenticatorNames.Lookup(credential.Authenticator?.Aaguid);
        config.Credentials.Add(credential);
        config.UserHandle = userHandle;
        var stored = config.SaveTo(identity, CredentialTypes.Passkey, now)!;
        var handle = Encoding.UTF8.GetString(userHandle);
        if (!stored.Identifiers.Contains(handle))
        {
            stored.Identifiers.Add(handle);
        }

        WebAuthnSession.RemoveFrom(flow, SessionKey);
        return StrategyOutcome<SettingsSucceeded>.Success(new SettingsSucceeded(identity, new AuthenticationMethod(Method, "aal1", now, null)));
    }

    private StrategyOutcome<SettingsSucceeded> Remove(SettingsFlow flow, Identity.Identity identity, string hexId)
    {
        var config = ConfigOf(identity);
        if (WebAuthnBytes.FromHex(hexId) is not { } id || config.Find(id) is not { } key)
        {
            return Refuse(flow, null, "You tried to remove a passkey which does not exist.");
        }

        if (FirstFactors(identity) < 2)
        {
            // Kratos names a node that passkey forms do not have; the container creates it (§4.6).
            return Refuse(flow, "webauthn_remove", LockOutReason);
        }

        config.Credentials.Remove(key);
        config.SaveTo(identity, CredentialTypes.Passkey, Clock.Now(clock));

        return StrategyOutcome<SettingsSucceeded>.Success(new SettingsSucceeded(identity));
    }

    private int FirstFactors(Identity.Identity identity) => aal.Count(identity.Credentials).FirstFactor;

    private static StrategyOutcome<SettingsSucceeded> Refuse(SettingsFlow flow, string? node, string reason)
    {
        flow.Ui.AddMessage(node, Messages.ErrorValidationGeneric(reason));
        return StrategyOutcome<SettingsSucceeded>.Invalid;
    }
}
