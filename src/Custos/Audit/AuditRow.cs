using System.Text.Json.Nodes;

namespace Custos.Audit;

/// <summary>One <c>audit_events</c> row exactly as stored, chain columns included (what verify and export read).</summary>
internal sealed class AuditRow
{
    public long Seq { get; init; }

    public Guid Id { get; init; }

    public Guid Nid { get; init; }

    public string Type { get; init; } = "";

    public DateTime OccurredAt { get; init; }

    public string ActorKind { get; init; } = "";

    public Guid? ActorId { get; init; }

    public string? ActorName { get; init; }

    public Guid? IdentityId { get; init; }

    public Guid? SessionId { get; init; }

    public string? IpAddress { get; init; }

    public string? UserAgent { get; init; }

    public string Details { get; init; } = "{}";

    public string? PrevHash { get; init; }

    public string? Hash { get; init; }

    public AuditEvent ToEvent() => new(
        Seq,
        Id,
        Type,
        OccurredAt,
        new AuditActor(ActorKind, ActorId, ActorName),
        IdentityId,
        SessionId,
        IpAddress,
        UserAgent,
        JsonNode.Parse(Details) as JsonObject ?? []);
}
