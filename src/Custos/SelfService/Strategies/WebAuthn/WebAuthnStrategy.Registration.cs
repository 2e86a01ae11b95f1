using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.WebAuthn;

internal sealed partial class WebAuthnStrategy : IRegistrationStrategy
{
    public Task PopulateAsync(RegistrationFlow flow, RegistrationScreen screen, CancellationToken ct)
    {
        // Sign-up with a security key exists only in passwordless mode, on browser flows.
        if (!flow.IsBrowser || !rp.Passwordless)
        {
            return Task.CompletedTask;
        }

        // Kratos makes the options on profile-first's first screen too, so both screens share one challenge.
        var options = RegistrationOptions(flow);
        if (screen == RegistrationScreen.Profile)
        {
            return Task.CompletedTask;
        }

        flow.Ui.Upsert(WebAuthnNodes.DisplayNameNode());
        flow.Ui.Upsert(WebAuthnNodes.RegisterTriggerNode(options, Messages.InfoSelfServiceRegistrationRegisterWebAuthn()));
        WebAuthnScriptNode.AddTo(flow, rp.PublicBaseUrl);
        flow.Ui.Upsert(WebAuthnNodes.RegisterNode());
        return Task.CompletedTask;
    }

    /// <summary>The creation options of this flow, made once (a random UUID as user handle) and reused on every render.</summary>
    private string RegistrationOptions(RegistrationFlow flow)
    {
        if (flow.StrategyContext[OptionsKey] is JsonObject existing && WebAuthnSession.LoadFrom(flow, SessionKey) is not null)
        {
            return existing.ToJsonString();
        }

        var options = rp.Creation(Guid.NewGuid().ToByteArray(bigEndian: true), []);
        WebAuthnSession.For(options).SaveTo(flow, SessionKey);
        var json = options.ToJson();
        flow.StrategyContext[OptionsKey] = json;
        return json.ToJsonString();
    }

    public async Task<StrategyOutcome<RegistrationSucceeded>> SubmitAsync(FlowSubmission<RegistrationFlow> submission, RegistrationForm form, CancellationToken ct)
    {
        var flow = submission.Flow;
        var response = FlowPayloadReader.GetString(submission.Payload, WebAuthnNodes.Register);
        if (!flow.IsBrowser || !rp.Passwordless || string.IsNullOrEmpty(response))
        {
            return StrategyOutcome<RegistrationSucceeded>.NotResponsible;
        }

        var displayName = FlowPayloadReader.GetString(submission.Payload, WebAuthnNodes.RegisterDisplayName) ?? "";
        flow.Ui.Find(WebAuthnNodes.Register)?.Value = "";
        flow.Ui.Find(WebAuthnNodes.RegisterDisplayName)?.Value = displayName;
        if (WebAuthnSession.LoadFrom(flow, SessionKey) is not { UserHandle: { } userHandle } session)
        {
            return Reject(form, Messages.ErrorValidationGeneric("This registration flow offered no security key challenge. Reload the page and try again."));
        }

        // Kratos answers a failed ceremony with a 500; Custos shows it on the form (400, docs/differences.md).
        var verified = await ceremony.RegisterAsync(rp.RelyingParty, session, response, passwordless: true, ct);
        if (verified.Credential is not { } credential)
        {
            return Reject(form, Messages.ErrorValidationGeneric(verified.Error!));
        }

        credential.DisplayName = displayName;
        var now = Clock.Now(clock);
        var identity = new Identity.Identity { Id = Guid.NewGuid(), SchemaId = form.SchemaId, Traits = form.Traits.DeepClone(), StateChangedAt = now, CreatedAt = now, UpdatedAt = now };
        identity.Credentials[CredentialTypes.WebAuthn] = new Credentials
        {
            Type = CredentialTypes.WebAuthn,
            Config = new WebAuthnCredentialConfig { Credentials = [credential], UserHandle = userHandle }.ToJson(),
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (await accounts.ValidateAsync(identity, ct) is { Count: > 0 } invalid)
        {
            form.Reject(invalid);
            return StrategyOutcome<RegistrationSucceeded>.Invalid;
        }

        if (identity.Credentials[CredentialTypes.WebAuthn].Identifiers.Count == 0)
        {
            return Reject(form, Messages.ErrorValidationIdentifierMissing());
        }

        if (!await store.TrySpendChallengeAsync(session.Challenge, now, ct))
        {
            return Reject(form, Messages.ErrorValidationGeneric("This security key challenge was used already. Reload the page and try again."));
        }

        WebAuthnSession.RemoveFrom(flow, SessionKey);
        return StrategyOutcome<RegistrationSucceeded>.Success(new RegistrationSucceeded(identity));
    }

    private static StrategyOutcome<RegistrationSucceeded> Reject(RegistrationForm form, UiText message)
    {
        form.Reject([("", message)]);
        return StrategyOutcome<RegistrationSucceeded>.Invalid;
    }
}
