namespace Custos.Admin.Webhooks;

/// <summary>One delivery of one audit event to one subscription, as <c>GET /admin/webhooks/{id}/deliveries</c> shows it.</summary>
internal sealed class EventDelivery
{
    public const string Columns =
        "d.id, d.webhook_id, d.event_id, e.type AS event_type, d.status, d.attempts, d.next_attempt_at, d.last_error, d.response_status, d.created_at, d.updated_at";

    public Guid Id { get; set; }
    public Guid WebhookId { get; set; }
    public Guid EventId { get; set; }
    public string EventType { get; set; } = "";
    public string Status { get; set; } = "";
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The HTTP status of the last answer, null when no attempt got one (time-out, refused, unreachable).</summary>
    public int? ResponseStatus { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
