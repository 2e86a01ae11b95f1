using System.Text;
using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Strategies.WebAuthn;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Passkey;

internal sealed partial class PasskeyStrategy : IRegistrationStrategy
{
    public async Task PopulateAsync(RegistrationFlow flow, RegistrationScreen screen, CancellationToken ct)
    {
        // profile_first shows the passkey button on its second screen only.
        if (screen == RegistrationScreen.Profile || await CreateDataAsync(flow, ct) is not { } createData)
        {
            return;
        }

        flow.Ui.Upsert(PasskeyNodes.CreateDataNode(createData));
        flow.Ui.Upsert(PasskeyNodes.RegistrationTriggerNode(flow.IsBrowser));
        WebAuthnScriptNode.AddTo(flow, rp.PublicBaseUrl);
        flow.Ui.Upsert(PasskeyNodes.RegisterNode());
    }

    /// <summary>
    /// The <c>passkey_create_data</c> value: made once per flow (both profile-first screens show the same challenge),
    /// or null when the schema names no display-name trait, where Kratos leaves the method out of registration.
    /// </summary>
    private async Task<string?> CreateDataAsync(RegistrationFlow flow, CancellationToken ct)
    {
        if (flow.StrategyContext[CreateDataKey] is JsonObject existing)
        {
            return existing.ToJsonString();
        }

        var fields = await displayNames.FieldNamesAsync(flow.IdentitySchema, ct);
        if (fields.Count == 0)
        {
            return null;
        }

        var options = rp.Creation(rp.RelyingParty.Name, NewUserHandle(), []);
        WebAuthnSession.For(options).SaveTo(flow, SessionKey);
        var data = new JsonObject
        {
            ["credentialOptions"] = options.ToJson(),
            ["displayNameFieldName"] = fields[0],
            ["displayNameFieldNames"] = new JsonArray(fields.Select(f => (JsonNode)f).ToArray()),
        };
        flow.StrategyContext[CreateDataKey] = data;
        return data.ToJsonString();
    }

    public async Task<StrategyOutcome<RegistrationSucceeded>> SubmitAsync(FlowSubmission<RegistrationFlow> submission, RegistrationForm form, CancellationToken ct)
    {
        // Kratos ignores "true": the React SDK posts it for the empty hidden field.
        var response = FlowPayloadReader.GetString(submission.Payload, PasskeyNodes.Register);
        if (string.IsNullOrEmpty(response) || response == "true")
        {
            return StrategyOutcome<RegistrationSucceeded>.NotResponsible;
        }

        var flow = submission.Flow;
        flow.Ui.Find(PasskeyNodes.Register)?.Value = null;
        if (WebAuthnSession.LoadFrom(flow, SessionKey) is not { UserHandle: { } userHandle } session)
        {
            return Reject(form, Messages.ErrorValidationGeneric("This registration flow offered no passkey challenge. Reload the page and try again."));
        }

        var now = Clock.Now(clock);
        var identity = new Identity.Identity { Id = Guid.NewGuid(), SchemaId = form.SchemaId, Traits = form.Traits.DeepClone(), StateChangedAt = now, CreatedAt = now, UpdatedAt = now };
        // Kratos checks the ceremony first, then the traits.
        var verified = await ceremony.RegisterAsync(rp.RelyingParty, session, response, passwordless: true, ct);
        if (verified.Credential is not { } credential)
        {
            return Reject(form, Messages.ErrorValidationGeneric(verified.Error!));
        }

        if (await registrations.ValidateAsync(identity, ct) is { Count: > 0 } invalid)
        {
            form.Reject(invalid);
            return StrategyOutcome<RegistrationSucceeded>.Invalid;
        }

        if (!await store.TrySpendChallengeAsync(session.Challenge, now, ct))
        {
            return Reject(form, Messages.ErrorValidationGeneric("This passkey challenge was used already. Reload the page and try again."));
        }

        credential.DisplayName = AuthenticatorNames.Lookup(credential.Authenticator?.Aaguid);
        var config = new WebAuthnCredentialConfig { Credentials = [credential], UserHandle = userHandle };
        identity.Credentials[CredentialTypes.Passkey] = new Credentials
        {
            Type = CredentialTypes.Passkey,
            Identifiers = [Encoding.UTF8.GetString(userHandle)],
            Config = config.ToJson(),
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return StrategyOutcome<RegistrationSucceeded>.Success(new RegistrationSucceeded(identity));
    }

    private static StrategyOutcome<RegistrationSucceeded> Reject(RegistrationForm form, UiText message)
    {
        form.Reject([("", message)]);
        return StrategyOutcome<RegistrationSucceeded>.Invalid;
    }
}
