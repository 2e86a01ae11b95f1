using System.Text.Json.Nodes;

namespace Custos.Audit;

/// <summary>
/// What a caller hands to <see cref="IAuditLog.AppendAsync"/>. The log fills in the id, the time, the client
/// address and user agent of the current request, and the actor when <see cref="Actor"/> is null (the admin key of
/// the request, else the identity, else <see cref="AuditActor.System"/>).
/// </summary>
/// <param name="Type">A dotted type from <see cref="AuditEventTypes"/>.</param>
/// <param name="Details">Extra facts (method, reason code, …). Never a password, code, token or hash.</param>
internal sealed record AuditEntry(
    string Type,
    Guid? IdentityId = null,
    Guid? SessionId = null,
    JsonObject? Details = null,
    AuditActor? Actor = null);
