using Custos.Hosting;
using Custos.Persistence;
using Dapper;

namespace Custos.SelfService.Hooks.WebHooks.Deliveries;

/// <summary>
/// The delivery queue on Dapper. Claims take rows away from other workers in one transaction: on PostgreSQL with
/// <c>FOR UPDATE SKIP LOCKED</c>, on SQLite with one <c>UPDATE ... RETURNING</c> under <c>BEGIN IMMEDIATE</c>. Every
/// later write names the lease it holds, so a worker whose lease was taken over changes nothing.
/// </summary>
internal sealed class SqlWebHookDeliveryStore(DbSession db, TimeProvider clock) : IWebHookDeliveryStore
{
    private static readonly Guid Nid = Network.DefaultId;

    private const string Claimable =
        "((status = @Queued AND next_attempt_at <= @now) OR (status = @Processing AND lease_expires_at < @now))";

    public async Task EnqueueAsync(WebHookDelivery delivery, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        await connection.ExecuteAsync(Command(
            "INSERT INTO web_hook_deliveries (id, nid, hook_id, url, status, request, attempts, next_attempt_at, last_error, created_at, updated_at) "
            + "VALUES (@Id, @Nid, @HookId, @Url, @Status, @Request, @Attempts, @NextAttemptAt, @LastError, @CreatedAt, @UpdatedAt)",
            new
            {
                delivery.Id, Nid, delivery.HookId, delivery.Url, delivery.Status, Request = WebHookDeliveryRow.Serialize(delivery.Request),
                delivery.Attempts, delivery.NextAttemptAt, delivery.LastError, delivery.CreatedAt, delivery.UpdatedAt,
            }, ct));
    }

    public async Task<WebHookDelivery?> GetAsync(Guid id, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<WebHookDeliveryRow>(Command(
            $"SELECT {WebHookDeliveryRow.Columns} FROM web_hook_deliveries WHERE nid = @Nid AND id = @id", new { Nid, id }, ct));
        return row?.ToDelivery();
    }

    public Task<IReadOnlyList<WebHookDelivery>> ClaimAsync(int limit, Guid leaseToken, TimeSpan leaseFor, CancellationToken ct) =>
        db.RunInTransactionAsync<IReadOnlyList<WebHookDelivery>>(async c =>
        {
            var connection = await db.ConnectionAsync(c);
            var now = Clock.Now(clock);
            var parameters = new
            {
                Nid, Queued = WebHookDeliveryStatus.Queued, Processing = WebHookDeliveryStatus.Processing, now, limit, leaseToken, expires = now + leaseFor,
            };
            const string Lease = "status = @Processing, lease_token = @leaseToken, lease_expires_at = @expires, updated_at = @now";
            List<WebHookDeliveryRow> rows;
            if (db.Dialect == SqlDialect.Postgres)
            {
                rows = (await connection.QueryAsync<WebHookDeliveryRow>(Command(
                    $"SELECT {WebHookDeliveryRow.Columns} FROM web_hook_deliveries WHERE nid = @Nid AND {Claimable} ORDER BY created_at, id LIMIT @limit FOR UPDATE SKIP LOCKED",
                    parameters, c))).ToList();
                if (rows.Count > 0)
                {
                    var update = new DynamicParameters(parameters);
                    update.Add("ids", rows.Select(r => r.Id).ToArray());
                    await connection.ExecuteAsync(Command($"UPDATE web_hook_deliveries SET {Lease} WHERE nid = @Nid AND id = ANY(@ids)", update, c));
                }
            }
            else
            {
                rows = (await connection.QueryAsync<WebHookDeliveryRow>(Command(
                    $"UPDATE web_hook_deliveries SET {Lease} WHERE id IN "
                    + $"(SELECT id FROM web_hook_deliveries WHERE nid = @Nid AND {Claimable} ORDER BY created_at, id LIMIT @limit) "
                    + $"RETURNING {WebHookDeliveryRow.Columns}",
                    parameters, c))).ToList();
            }

            return rows
                .Select(r => { r.Status = WebHookDeliveryStatus.Processing; r.UpdatedAt = now; return r.ToDelivery(); })
                .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id)
                .ToList();
        }, ct);

    public async Task<bool> CompleteAsync(Guid id, Guid leaseToken, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        return await connection.ExecuteAsync(Command(
            "DELETE FROM web_hook_deliveries WHERE nid = @Nid AND id = @id AND status = @Processing AND lease_token = @leaseToken",
            new { Nid, id, leaseToken, Processing = WebHookDeliveryStatus.Processing }, ct)) == 1;
    }

    public async Task<bool> RecordFailureAsync(Guid id, Guid leaseToken, string error, DateTime? retryAt, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var now = Clock.Now(clock);
        var abandoned = retryAt is null;
        return await connection.ExecuteAsync(Command(
            "UPDATE web_hook_deliveries SET status = @status, attempts = attempts + 1, last_error = @error, next_attempt_at = @next, "
            + (abandoned ? "request = '', " : "") + "lease_token = NULL, lease_expires_at = NULL, updated_at = @now "
            + "WHERE nid = @Nid AND id = @id AND status = @Processing AND lease_token = @leaseToken",
            new
            {
                Nid, id, leaseToken, error, now, next = retryAt ?? now, Processing = WebHookDeliveryStatus.Processing,
                status = abandoned ? WebHookDeliveryStatus.Abandoned : WebHookDeliveryStatus.Queued,
            }, ct)) == 1;
    }

    public async Task<int> ReleaseAsync(Guid leaseToken, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        return await connection.ExecuteAsync(Command(
            "UPDATE web_hook_deliveries SET status = @Queued, lease_token = NULL, lease_expires_at = NULL, updated_at = @now "
            + "WHERE nid = @Nid AND status = @Processing AND lease_token = @leaseToken",
            new { Nid, leaseToken, Queued = WebHookDeliveryStatus.Queued, Processing = WebHookDeliveryStatus.Processing, now = Clock.Now(clock) }, ct));
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken ct) =>
        new(sql, parameters, db.Transaction, cancellationToken: ct);
}
