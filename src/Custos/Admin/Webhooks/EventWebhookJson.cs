using System.Text.Json.Nodes;
using Custos.Audit;
using Custos.Hosting;

namespace Custos.Admin.Webhooks;

/// <summary>The JSON of subscriptions, deliveries and delivered events (snake_case, Kratos's time format).</summary>
internal static class EventWebhookJson
{
    /// <summary>A subscription; <paramref name="secret"/> only in the create response, the one time it is shown.</summary>
    public static JsonObject Webhook(EventWebhook webhook, string? secret = null)
    {
        var json = new JsonObject
        {
            ["id"] = webhook.Id.ToString("D"),
            ["url"] = webhook.Url,
            ["events"] = new JsonArray(webhook.Events.Select(e => (JsonNode?)e).ToArray()),
            ["created_at"] = KratosTime.Format(webhook.CreatedAt),
        };
        if (secret is not null)
        {
            json["secret"] = secret;
        }

        return json;
    }

    public static JsonObject Delivery(EventDelivery d) => new()
    {
        ["id"] = d.Id.ToString("D"),
        ["webhook_id"] = d.WebhookId.ToString("D"),
        ["event_id"] = d.EventId.ToString("D"),
        ["event_type"] = d.EventType,
        ["status"] = d.Status,
        ["attempts"] = d.Attempts,
        ["next_attempt_at"] = d.Status is EventDeliveryStatus.Queued ? KratosTime.Format(d.NextAttemptAt) : null,
        ["last_error"] = d.LastError,
        ["response_status"] = d.ResponseStatus,
        ["created_at"] = KratosTime.Format(d.CreatedAt),
        ["updated_at"] = KratosTime.Format(d.UpdatedAt),
    };

    /// <summary>The delivered body: the audit event as <c>GET /admin/audit-events</c> lists it.</summary>
    public static JsonObject Event(AuditEvent e) => AuditEventJson.From(e);
}
