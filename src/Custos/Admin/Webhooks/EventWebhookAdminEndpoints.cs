using Custos.Audit;
using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Hosting;
using Microsoft.Extensions.Options;

namespace Custos.Admin.Webhooks;

/// <summary>
/// The admin API of event webhooks (<c>/admin/webhooks...</c>, scope <c>webhooks:write</c>): create (the signing secret
/// is in that response only), list, get, delete, and the deliveries of one subscription, newest first.
/// </summary>
internal static class EventWebhookAdminEndpoints
{
    public const string Webhooks = "/webhooks";
    public const string Webhook = "/webhooks/{id}";
    public const string Deliveries = "/webhooks/{id}/deliveries";
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public static void MapEventWebhookAdminEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapPost(Webhooks, CreateAsync).WithName("createEventWebhook");
        admin.MapGet(Webhooks, ListAsync).WithName("listEventWebhooks");
        admin.MapGet(Webhook, GetAsync).WithName("getEventWebhook");
        admin.MapDelete(Webhook, DeleteAsync).WithName("deleteEventWebhook");
        admin.MapGet(Deliveries, ListDeliveriesAsync).WithName("listEventWebhookDeliveries");
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, IEventWebhookStore store, EventWebhookSecrets secrets, EventWebhookRequestReader reader, IOptionsMonitor<CustosOptions> options,
        TimeProvider clock, AdminAudit audit, CancellationToken ct)
    {
        var (url, events) = reader.Read(await JsonBody.ReadAsync(context.Request, ct));
        var webhook = new EventWebhook(Guid.NewGuid(), url, events, Clock.Now(clock));
        var secret = StandardWebhookSignature.NewSecret();
        await audit.RecordAsync(AuditEventTypes.WebhookCreated, async c => { await store.CreateAsync(webhook, secrets.Seal(webhook.Id, secret), c); return true; },
            _ => (true, null, new JsonObject { ["webhook_id"] = webhook.Id.ToString("D"), ["events"] = new JsonArray(webhook.Events.Select(e => (JsonNode)e).ToArray()) }), ct);
        var o = options.CurrentValue;
        context.Response.Headers.Location = o.Serve.Admin.EffectiveBaseUrl(o.Dev).TrimEnd('/') + "/admin/webhooks/" + webhook.Id.ToString("D");
        return Results.Json(EventWebhookJson.Webhook(webhook, secret), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(IEventWebhookStore store, CancellationToken ct)
    {
        var webhooks = await store.ListAsync(ct);
        return Results.Json(new JsonArray(webhooks.Select(w => (JsonNode?)EventWebhookJson.Webhook(w)).ToArray()));
    }

    private static async Task<IResult> GetAsync(string id, IEventWebhookStore store, CancellationToken ct) =>
        Results.Json(EventWebhookJson.Webhook(await FindAsync(id, store, ct)));

    private static async Task<IResult> DeleteAsync(string id, IEventWebhookStore store, AdminAudit audit, CancellationToken ct)
    {
        // A malformed id is simply unknown, as for identities.
        var deleted = Guid.TryParse(id, out var guid)
            && await audit.RecordAsync(AuditEventTypes.WebhookDeleted, c => store.DeleteAsync(guid, c), r => (r, null, new JsonObject { ["webhook_id"] = guid.ToString("D") }), ct);
        return deleted ? Results.NoContent() : throw KratosErrors.RowNotFound();
    }

    private static async Task<IResult> ListDeliveriesAsync(string id, HttpContext context, IEventWebhookStore store, CancellationToken ct)
    {
        var size = Pagination.PageSize(context.Request.Query, DefaultPageSize, MaxPageSize);
        var webhook = await FindAsync(id, store, ct);
        var deliveries = await store.ListDeliveriesAsync(webhook.Id, size, ct);
        return Results.Json(new JsonArray(deliveries.Select(d => (JsonNode?)EventWebhookJson.Delivery(d)).ToArray()));
    }

    private static async Task<EventWebhook> FindAsync(string id, IEventWebhookStore store, CancellationToken ct) =>
        (Guid.TryParse(id, out var guid) ? await store.GetAsync(guid, ct) : null) ?? throw KratosErrors.RowNotFound();
}
