using System.Text.Json.Nodes;

namespace Custos.Audit;

/// <summary>One stored audit event, as <c>GET /admin/audit-events</c> and the event webhooks show it.</summary>
/// <param name="Sequence">The row's position in the append-only chain (ascending, gaps possible).</param>
internal sealed record AuditEvent(
    long Sequence,
    Guid Id,
    string Type,
    DateTime OccurredAt,
    AuditActor Actor,
    Guid? IdentityId,
    Guid? SessionId,
    string? IpAddress,
    string? UserAgent,
    JsonObject Details);
