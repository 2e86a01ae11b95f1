using System.Text.Json.Nodes;
using Custos.Audit;
using Custos.Identity;
using Custos.SelfService.Ui;
using Custos.Sessions;

namespace Custos.SelfService.Flows.Auditing;

/// <summary>
/// The audit events of the self-service flows (issue 14 §2). Each call joins the transaction of what it records, so
/// an event exists exactly when its change was committed. Details hold method names, credential types and reason
/// codes only: never an identifier, trait value, password, code or token.
/// </summary>
internal sealed class FlowAudit(IAuditLog audit, IPrivilegedIdentityPool identities)
{
    public Task LoginSucceededAsync(Session session, string method, CancellationToken ct) =>
        AppendAsync(AuditEventTypes.LoginSucceeded, session.IdentityId, session.Id, new JsonObject
        {
            ["method"] = method,
            ["methods"] = new JsonArray([.. session.AuthenticationMethods.Select(m => (JsonNode)m.Method).Distinct()]),
            ["aal"] = session.AuthenticatorAssuranceLevel,
        }, ct);

    /// <summary>
    /// A refused login: its own short transaction, since a failure commits nothing else. The account is named when the
    /// typed identifier (or the session being stepped up) belongs to one, so operators see which account was attacked;
    /// the identifier itself is not stored.
    /// </summary>
    public async Task LoginFailedAsync(UiContainer ui, string? method, string? identifier, Guid? knownIdentityId, CancellationToken ct)
    {
        var identityId = knownIdentityId;
        if (identityId is null && !string.IsNullOrWhiteSpace(identifier) && identifier.Length <= 512)
        {
            identityId = (await identities.FindByAnyCredentialsIdentifierAsync(identifier.Trim(), ct))?.Id;
        }

        var message = FirstError(ui);
        var details = new JsonObject { ["reason"] = ReasonCode(message?.Id) };
        if (message is not null)
        {
            details["message_id"] = message.Id;
        }

        if (!string.IsNullOrEmpty(method))
        {
            details["method"] = method;
        }

        await AppendAsync(AuditEventTypes.LoginFailed, identityId, null, details, ct);
    }

    public Task RegistrationSucceededAsync(Guid identityId, Guid? sessionId, string method, CancellationToken ct) =>
        AppendAsync(AuditEventTypes.RegistrationSucceeded, identityId, sessionId, new JsonObject { ["method"] = method }, ct);

    /// <summary><c>settings.updated</c>, then one <c>credential.added</c> / <c>credential.removed</c> per credential type the change touched.</summary>
    /// <remarks>
    /// A change made through an impersonated session names the impersonator in <c>details.impersonator</c> and is
    /// attributed to its admin key (issue 14 §4: audited on every settings change it makes).
    /// </remarks>
    public async Task SettingsUpdatedAsync(
        Guid identityId, Guid sessionId, string method, CredentialSnapshot before, CredentialSnapshot after, SessionImpersonator? impersonator, CancellationToken ct)
    {
        var details = new JsonObject { ["method"] = method };
        AuditActor? actor = null;
        if (impersonator is not null)
        {
            details["impersonator"] = impersonator.ToJson();
            actor = impersonator.KeyId is { } keyId ? AuditActor.ForAdminKey(keyId, impersonator.KeyName ?? "") : AuditActor.System;
        }

        await audit.AppendAsync(new AuditEntry(AuditEventTypes.SettingsUpdated, identityId, sessionId, details, actor), ct);
        var (added, removed) = before.ChangesTo(after);
        foreach (var type in added)
        {
            await AppendAsync(AuditEventTypes.CredentialAdded, identityId, sessionId, new JsonObject { ["type"] = type, ["method"] = method }, ct);
        }

        foreach (var type in removed)
        {
            await AppendAsync(AuditEventTypes.CredentialRemoved, identityId, sessionId, new JsonObject { ["type"] = type, ["method"] = method }, ct);
        }
    }

    public Task RecoverySucceededAsync(Guid identityId, Guid sessionId, string method, CancellationToken ct) =>
        AppendAsync(AuditEventTypes.RecoverySucceeded, identityId, sessionId, new JsonObject { ["method"] = method }, ct);

    /// <summary>The address's channel (<c>email</c>, <c>sms</c>) is recorded, not its value: the identity id already says whose it is.</summary>
    public Task VerificationSucceededAsync(Guid identityId, string via, string method, CancellationToken ct) =>
        AppendAsync(AuditEventTypes.VerificationSucceeded, identityId, null, new JsonObject { ["method"] = method, ["via"] = via }, ct);

    private Task<AuditEvent> AppendAsync(string type, Guid? identityId, Guid? sessionId, JsonObject details, CancellationToken ct) =>
        audit.AppendAsync(new AuditEntry(type, identityId, sessionId, details), ct);

    private static UiText? FirstError(UiContainer ui) =>
        ui.Messages.FirstOrDefault(m => m.Type == UiText.Error)
        ?? ui.Nodes.SelectMany(n => n.Messages).FirstOrDefault(m => m.Type == UiText.Error);

    // Short, stable codes for the refusals operators watch for; the Kratos message id is kept beside them.
    private static string ReasonCode(long? messageId) => messageId switch
    {
        4000006 => "invalid_credentials",
        4000008 => "invalid_totp_code",
        4000016 or 4000012 => "invalid_lookup_secret",
        4010008 => "invalid_code",
        4000043 => "invalid_webauthn_signature",
        4010011 => "identity_disabled",
        4000002 => "missing_fields",
        null => "refused",
        _ => "validation_failed",
    };
}
