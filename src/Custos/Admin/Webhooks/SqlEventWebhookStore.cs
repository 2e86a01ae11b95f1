using System.Text.Json;
using Custos.Persistence;
using Dapper;

namespace Custos.Admin.Webhooks;

/// <summary>Subscriptions and queued deliveries on Dapper, joining the scope's transaction when one is open.</summary>
internal sealed class SqlEventWebhookStore(DbSession db) : IEventWebhookStore
{
    private static readonly Guid Nid = Network.DefaultId;

    private const string WebhookColumns = "id, url, events, created_at";

    public async Task CreateAsync(EventWebhook webhook, string sealedSecret, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        await connection.ExecuteAsync(Command(
            "INSERT INTO event_webhooks (id, nid, url, events, secret, created_at) VALUES (@Id, @Nid, @Url, @Events, @Secret, @CreatedAt)",
            new { webhook.Id, Nid, webhook.Url, Events = JsonSerializer.Serialize(webhook.Events), Secret = sealedSecret, webhook.CreatedAt }, ct));
    }

    public async Task<IReadOnlyList<EventWebhook>> ListAsync(CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(Command(
            $"SELECT {WebhookColumns} FROM event_webhooks WHERE nid = @Nid ORDER BY created_at, id", new { Nid }, ct));
        return rows.Select(r => r.ToWebhook()).ToList();
    }

    public async Task<EventWebhook?> GetAsync(Guid id, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(Command(
            $"SELECT {WebhookColumns} FROM event_webhooks WHERE nid = @Nid AND id = @id", new { Nid, id }, ct));
        return row?.ToWebhook();
    }

    public Task<bool> DeleteAsync(Guid id, CancellationToken ct) =>
        db.RunInTransactionAsync(async c =>
        {
            var connection = await db.ConnectionAsync(c);
            // Deleted explicitly as well as by the cascade: SQLite enforces foreign keys only with _fk=true.
            await connection.ExecuteAsync(Command("DELETE FROM event_webhook_deliveries WHERE nid = @Nid AND webhook_id = @id", new { Nid, id }, c));
            return await connection.ExecuteAsync(Command("DELETE FROM event_webhooks WHERE nid = @Nid AND id = @id", new { Nid, id }, c)) == 1;
        }, ct);

    public async Task EnqueueAsync(Guid eventId, IReadOnlyCollection<Guid> webhookIds, DateTime now, CancellationToken ct)
    {
        if (webhookIds.Count == 0)
        {
            return;
        }

        var connection = await db.ConnectionAsync(ct);
        await connection.ExecuteAsync(Command(
            "INSERT INTO event_webhook_deliveries (id, nid, webhook_id, event_id, status, attempts, next_attempt_at, created_at, updated_at) "
            + "VALUES (@Id, @Nid, @WebhookId, @EventId, @Status, 0, @Now, @Now, @Now) ON CONFLICT (webhook_id, event_id) DO NOTHING",
            webhookIds.Select(w => new { Id = Guid.NewGuid(), Nid, WebhookId = w, EventId = eventId, Status = EventDeliveryStatus.Queued, Now = now }).ToList(),
            ct));
    }

    public async Task<IReadOnlyList<EventDelivery>> ListDeliveriesAsync(Guid webhookId, int limit, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var rows = await connection.QueryAsync<EventDelivery>(Command(
            $"SELECT {EventDelivery.Columns} FROM event_webhook_deliveries d JOIN audit_events e ON e.id = d.event_id "
            + "WHERE d.nid = @Nid AND d.webhook_id = @webhookId ORDER BY d.created_at DESC, e.seq DESC LIMIT @limit",
            new { Nid, webhookId, limit }, ct));
        return rows.ToList();
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken ct) =>
        new(sql, parameters, db.Transaction, cancellationToken: ct);

    private sealed class Row
    {
        public Guid Id { get; set; }
        public string Url { get; set; } = "";
        public string Events { get; set; } = "[]";
        public DateTime CreatedAt { get; set; }

        public EventWebhook ToWebhook() => new(Id, Url, JsonSerializer.Deserialize<List<string>>(Events) ?? [], CreatedAt);
    }
}
