using Custos.Hosting;
using Custos.Persistence;
using Dapper;

namespace Custos.Admin.Webhooks;

/// <summary>
/// The event delivery queue on Dapper, with the claim of the flow web-hook queue: on PostgreSQL
/// <c>SELECT ... FOR UPDATE SKIP LOCKED</c> then an update, on SQLite one <c>UPDATE ... RETURNING</c> under
/// <c>BEGIN IMMEDIATE</c>; then the claimed rows are read with their subscription and audit event.
/// </summary>
internal sealed class SqlEventDeliveryQueue(DbSession db, TimeProvider clock) : IEventDeliveryQueue
{
    private static readonly Guid Nid = Network.DefaultId;

    private const string Claimable =
        "((status = @Queued AND next_attempt_at <= @now) OR (status = @Processing AND lease_expires_at < @now))";

    private const string Lease = "status = @Processing, lease_token = @leaseToken, lease_expires_at = @expires, updated_at = @now";

    public Task<IReadOnlyList<ClaimedEventDelivery>> ClaimAsync(int limit, Guid leaseToken, TimeSpan leaseFor, CancellationToken ct) =>
        db.RunInTransactionAsync<IReadOnlyList<ClaimedEventDelivery>>(async c =>
        {
            var connection = await db.ConnectionAsync(c);
            var now = Clock.Now(clock);
            var parameters = new DynamicParameters(new
            {
                Nid, Queued = EventDeliveryStatus.Queued, Processing = EventDeliveryStatus.Processing, now, limit, leaseToken, expires = now + leaseFor,
            });
            CommandDefinition read;
            if (db.Dialect == SqlDialect.Postgres)
            {
                var claimed = (await connection.QueryAsync<Guid>(Command(
                    $"SELECT id FROM event_webhook_deliveries WHERE nid = @Nid AND {Claimable} ORDER BY created_at, id LIMIT @limit FOR UPDATE SKIP LOCKED",
                    parameters, c))).ToArray();
                if (claimed.Length == 0)
                {
                    return [];
                }

                parameters.Add("ids", claimed);
                await connection.ExecuteAsync(Command($"UPDATE event_webhook_deliveries SET {Lease} WHERE nid = @Nid AND id = ANY(@ids)", parameters, c));
                read = Command(Read("= ANY(@ids)"), new { Nid, ids = claimed }, c);
            }
            else
            {
                var claimed = (await connection.QueryAsync<string>(Command(
                    $"UPDATE event_webhook_deliveries SET {Lease} WHERE id IN "
                    + $"(SELECT id FROM event_webhook_deliveries WHERE nid = @Nid AND {Claimable} ORDER BY created_at, id LIMIT @limit) RETURNING id",
                    parameters, c))).ToArray();
                if (claimed.Length == 0)
                {
                    return [];
                }

                read = Command(Read("IN @ids"), new { Nid, ids = claimed }, c);
            }

            return (await connection.QueryAsync<ClaimedEventDelivery>(read)).ToList();
        }, ct);

    // Dapper expands a list into (@ids1, @ids2, ...) for SQLite but passes an array to Npgsql, hence two spellings.
    private static string Read(string idsClause) =>
        $"SELECT {ClaimedEventDelivery.Columns} FROM event_webhook_deliveries d "
        + "JOIN event_webhooks w ON w.id = d.webhook_id JOIN audit_events e ON e.id = d.event_id "
        + $"WHERE d.nid = @Nid AND d.id {idsClause} ORDER BY e.seq, d.id";

    public async Task<bool> CompleteAsync(Guid id, Guid leaseToken, int responseStatus, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        return await connection.ExecuteAsync(Command(
            "UPDATE event_webhook_deliveries SET status = @Delivered, attempts = attempts + 1, response_status = @responseStatus, "
            + "lease_token = NULL, lease_expires_at = NULL, updated_at = @now "
            + "WHERE nid = @Nid AND id = @id AND status = @Processing AND lease_token = @leaseToken",
            new
            {
                Nid, id, leaseToken, responseStatus, now = Clock.Now(clock),
                Delivered = EventDeliveryStatus.Delivered, Processing = EventDeliveryStatus.Processing,
            }, ct)) == 1;
    }

    public async Task<bool> RecordFailureAsync(Guid id, Guid leaseToken, string error, int? responseStatus, DateTime? retryAt, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var now = Clock.Now(clock);
        return await connection.ExecuteAsync(Command(
            "UPDATE event_webhook_deliveries SET status = @status, attempts = attempts + 1, last_error = @error, response_status = @responseStatus, "
            + "next_attempt_at = @next, lease_token = NULL, lease_expires_at = NULL, updated_at = @now "
            + "WHERE nid = @Nid AND id = @id AND status = @Processing AND lease_token = @leaseToken",
            new
            {
                Nid, id, leaseToken, error, responseStatus, now, next = retryAt ?? now, Processing = EventDeliveryStatus.Processing,
                status = retryAt is null ? EventDeliveryStatus.Abandoned : EventDeliveryStatus.Queued,
            }, ct)) == 1;
    }

    public async Task<int> ReleaseAsync(Guid leaseToken, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        return await connection.ExecuteAsync(Command(
            "UPDATE event_webhook_deliveries SET status = @Queued, lease_token = NULL, lease_expires_at = NULL, updated_at = @now "
            + "WHERE nid = @Nid AND status = @Processing AND lease_token = @leaseToken",
            new { Nid, leaseToken, Queued = EventDeliveryStatus.Queued, Processing = EventDeliveryStatus.Processing, now = Clock.Now(clock) }, ct));
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken ct) =>
        new(sql, parameters, db.Transaction, cancellationToken: ct);
}
