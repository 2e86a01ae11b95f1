using Custos.Hosting;
using Dapper;

namespace Custos.Courier;

/// <summary>
/// The steps of one send: begin (under the lease), then a record of the outcome. Each record is one transaction with its
/// dispatch row and changes nothing when repeated, so a worker can retry it on a new connection after losing one.
/// </summary>
internal sealed partial class SqlCourierMessageStore
{
    private const string HeldForRecord = "lease_token = @leaseToken AND status = @Processing";

    private const string ClearLease = "lease_token = NULL, lease_expires_at = NULL, send_started_at = NULL";

    public async Task<bool> BeginSendAsync(Guid id, Guid leaseToken, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var now = Clock.Now(clock);
        return await connection.ExecuteAsync(Command(
            "UPDATE courier_messages SET send_started_at = @now, updated_at = @now WHERE nid = @Nid AND id = @id AND status = @Processing "
            + "AND lease_token = @leaseToken AND lease_expires_at > @now AND send_started_at IS NULL",
            new { Nid, id, leaseToken, Processing = CourierMessageStatus.Processing, now }, ct)) == 1;
    }

    public Task RecordSentAsync(Guid id, CancellationToken ct) =>
        db.RunInTransactionAsync(async c =>
        {
            var connection = await db.ConnectionAsync(c);
            var now = Clock.Now(clock);
            // A late record of an uncertain send (requeued by RequeueUncertainAsync, maybe sent again meanwhile) still wins:
            // the mail went out. An uncertain message abandoned for its retries had that attempt counted already.
            var changed = await connection.ExecuteAsync(Command(
                $"UPDATE courier_messages SET status = @Sent, send_count = send_count + CASE WHEN status = @Abandoned THEN 0 ELSE 1 END, {ClearLease}, updated_at = @now "
                + "WHERE nid = @Nid AND id = @id AND status <> @Sent",
                new { Nid, id, Sent = CourierMessageStatus.Sent, Abandoned = CourierMessageStatus.Abandoned, now }, c));
            if (changed == 1)
            {
                await InsertDispatchAsync(id, CourierMessageDispatch.Success, null, now, c);
            }
        }, ct);

    public Task<string?> RecordFailureAsync(Guid id, Guid leaseToken, int messageRetries, TimeSpan retryAfter, string errorJson, CancellationToken ct) =>
        db.RunInTransactionAsync<string?>(async c =>
        {
            var connection = await db.ConnectionAsync(c);
            var now = Clock.Now(clock);
            var changed = await connection.ExecuteAsync(Command(
                $"UPDATE courier_messages SET send_count = send_count + 1, {ClearLease}, updated_at = @now, send_after = @sendAfter, "
                + $"status = CASE WHEN send_count + 1 > @messageRetries THEN @Abandoned ELSE @Queued END WHERE nid = @Nid AND id = @id AND {HeldForRecord}",
                new
                {
                    Nid, id, leaseToken, messageRetries, now, sendAfter = now + retryAfter,
                    Abandoned = CourierMessageStatus.Abandoned, Queued = CourierMessageStatus.Queued, Processing = CourierMessageStatus.Processing,
                }, c));
            if (changed == 0)
            {
                return null;
            }

            await InsertDispatchAsync(id, CourierMessageDispatch.Failed, errorJson, now, c);
            return await connection.ExecuteScalarAsync<string>(Command("SELECT status FROM courier_messages WHERE nid = @Nid AND id = @id", new { Nid, id }, c));
        }, ct);

    public Task<bool> AbandonAsync(Guid id, Guid leaseToken, string errorJson, CancellationToken ct) =>
        db.RunInTransactionAsync(async c =>
        {
            var connection = await db.ConnectionAsync(c);
            var now = Clock.Now(clock);
            var changed = await connection.ExecuteAsync(Command(
                $"UPDATE courier_messages SET send_count = send_count + 1, status = @Abandoned, {ClearLease}, updated_at = @now WHERE nid = @Nid AND id = @id AND {HeldForRecord}",
                new { Nid, id, leaseToken, now, Abandoned = CourierMessageStatus.Abandoned, Processing = CourierMessageStatus.Processing }, c));
            if (changed == 1)
            {
                await InsertDispatchAsync(id, CourierMessageDispatch.Failed, errorJson, now, c);
            }

            return changed == 1;
        }, ct);

    public Task<IReadOnlyList<Guid>> RequeueUncertainAsync(string errorJson, int messageRetries, CancellationToken ct) =>
        db.RunInTransactionAsync<IReadOnlyList<Guid>>(async c =>
        {
            var connection = await db.ConnectionAsync(c);
            var now = Clock.Now(clock);
            var ids = (await connection.QueryAsync<Guid>(Command(
                $"UPDATE courier_messages SET status = CASE WHEN send_count + 1 > @messageRetries THEN @Abandoned ELSE @Queued END, "
                + $"send_count = send_count + 1, {ClearLease}, send_after = @now, updated_at = @now "
                + "WHERE nid = @Nid AND status = @Processing AND send_started_at IS NOT NULL AND lease_expires_at < @now RETURNING id",
                new { Nid, now, messageRetries, Abandoned = CourierMessageStatus.Abandoned, Queued = CourierMessageStatus.Queued, Processing = CourierMessageStatus.Processing }, c))).ToList();
            foreach (var id in ids)
            {
                await InsertDispatchAsync(id, CourierMessageDispatch.Failed, errorJson, now, c);
            }

            return ids;
        }, ct);

    public Task RecordDispatchAsync(Guid messageId, string status, string? errorJson, CancellationToken ct) =>
        InsertDispatchAsync(messageId, status, errorJson, Clock.Now(clock), ct);

    private async Task InsertDispatchAsync(Guid messageId, string status, string? errorJson, DateTime now, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        await connection.ExecuteAsync(Command(
            "INSERT INTO courier_message_dispatches (id, message_id, status, error, nid, created_at, updated_at) "
            + "VALUES (@id, @messageId, @status, @errorJson, @Nid, @now, @now)",
            new { id = Guid.NewGuid(), messageId, status, errorJson, Nid, now }, ct));
    }
}
