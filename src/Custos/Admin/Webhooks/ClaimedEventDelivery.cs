using System.Text.Json.Nodes;
using Custos.Audit;

namespace Custos.Admin.Webhooks;

/// <summary>A delivery a worker holds under its lease, with its subscription's target and the event to send.</summary>
internal sealed class ClaimedEventDelivery
{
    public const string Columns =
        "d.id, d.webhook_id, d.attempts, w.url, w.secret, e.seq, e.id AS event_id, e.type, e.occurred_at, e.actor_kind, e.actor_id, e.actor_name, "
        + "e.identity_id, e.session_id, e.ip_address, e.user_agent, e.details";

    public Guid Id { get; set; }
    public Guid WebhookId { get; set; }
    public int Attempts { get; set; }
    public string Url { get; set; } = "";

    /// <summary>The stored (sealed) signing secret; see <see cref="EventWebhookSecrets"/>.</summary>
    public string Secret { get; set; } = "";

    public long Seq { get; set; }
    public Guid EventId { get; set; }
    public string Type { get; set; } = "";
    public DateTime OccurredAt { get; set; }
    public string ActorKind { get; set; } = "";
    public Guid? ActorId { get; set; }
    public string? ActorName { get; set; }
    public Guid? IdentityId { get; set; }
    public Guid? SessionId { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public string Details { get; set; } = "{}";

    public AuditEvent ToEvent() => new(
        Seq, EventId, Type, OccurredAt, new AuditActor(ActorKind, ActorId, ActorName), IdentityId, SessionId, IpAddress, UserAgent,
        JsonNode.Parse(Details) as JsonObject ?? []);
}
