using Custos.Hosting;
using Custos.Persistence;
using Dapper;

namespace Custos.Courier;

/// <summary>
/// Courier queue on Dapper. Claiming takes rows away from other workers in one transaction: on PostgreSQL with
/// <c>FOR UPDATE SKIP LOCKED</c> (concurrent claimers pass over each other's rows instead of waiting), on SQLite with
/// one <c>UPDATE ... RETURNING</c> under <c>BEGIN IMMEDIATE</c>, which serialises writers.
/// </summary>
internal sealed class SqlCourierMessageStore(DbSession db, TimeProvider clock) : ICourierMessageStore
{
    private static readonly Guid Nid = Network.DefaultId;

    public async Task EnqueueAsync(CourierMessage message, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        await connection.ExecuteAsync(Command(
            "INSERT INTO courier_messages (id, nid, type, status, recipient, subject, body, template_type, channel, send_count, template_data, html_body, created_at, updated_at) "
            + "VALUES (@Id, @Nid, @Type, @Status, @Recipient, @Subject, @Body, @TemplateType, @Channel, @SendCount, @TemplateData, @HtmlBody, @CreatedAt, @UpdatedAt)",
            new
            {
                message.Id,
                Nid,
                message.Type,
                message.Status,
                message.Recipient,
                message.Subject,
                message.Body,
                message.TemplateType,
                message.Channel,
                message.SendCount,
                message.TemplateData,
                message.HtmlBody,
                message.CreatedAt,
                message.UpdatedAt,
            }, ct));
    }

    public async Task<CourierMessage?> GetAsync(Guid id, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<CourierMessageRow>(Command(
            $"SELECT {CourierMessageRow.Columns} FROM courier_messages WHERE nid = @Nid AND id = @id", new { Nid, id }, ct));
        if (row is null)
        {
            return null;
        }

        var message = row.ToMessage();
        var dispatches = await connection.QueryAsync<CourierMessageDispatchRow>(Command(
            $"SELECT {CourierMessageDispatchRow.Columns} FROM courier_message_dispatches WHERE nid = @Nid AND message_id = @id ORDER BY created_at DESC, id DESC",
            new { Nid, id }, ct));
        message.Dispatches = dispatches.Select(d => d.ToDispatch()).ToList();
        return message;
    }

    public async Task<IReadOnlyList<CourierMessage>> ListAsync(CourierListQuery query, CancellationToken ct)
    {
        var where = "nid = @Nid";
        var parameters = new DynamicParameters(new { Nid, query.PageSize });
        if (query.Status is not null)
        {
            where += " AND status = @Status";
            parameters.Add("Status", query.Status);
        }

        if (query.Recipient is not null)
        {
            where += " AND recipient = @Recipient";
            parameters.Add("Recipient", query.Recipient);
        }

        if (query.After is { } after)
        {
            where += " AND (created_at < @AfterCreatedAt OR (created_at = @AfterCreatedAt AND id < @AfterId))";
            parameters.AddDynamicParams(new { AfterCreatedAt = after.CreatedAt, AfterId = after.Id });
        }

        var connection = await db.ConnectionAsync(ct);
        var rows = await connection.QueryAsync<CourierMessageRow>(Command(
            $"SELECT {CourierMessageRow.Columns} FROM courier_messages WHERE {where} ORDER BY created_at DESC, id DESC LIMIT @PageSize", parameters, ct));
        return rows.Select(r => r.ToMessage()).ToList();
    }

    /// <summary>
    /// A message still <c>processing</c> after this long belongs to a worker that died mid-batch (a live worker sends
    /// within seconds; SMTP times out well before): it is claimable again, so nothing stays stuck.
    /// </summary>
    public static readonly TimeSpan StaleProcessing = TimeSpan.FromMinutes(10);

    private const string Claimable = "((status = @Queued AND (send_after IS NULL OR send_after <= @now)) OR (status = @Processing AND updated_at < @stale))";

    public Task<IReadOnlyList<CourierMessage>> ClaimAsync(int limit, CancellationToken ct) =>
        db.RunInTransactionAsync<IReadOnlyList<CourierMessage>>(async c =>
        {
            var connection = await db.ConnectionAsync(c);
            var now = Clock.Now(clock);
            List<CourierMessageRow> rows;
            if (db.Dialect == SqlDialect.Postgres)
            {
                rows = (await connection.QueryAsync<CourierMessageRow>(Command(
                    $"SELECT {CourierMessageRow.Columns} FROM courier_messages WHERE nid = @Nid AND {Claimable} ORDER BY created_at, id LIMIT @limit FOR UPDATE SKIP LOCKED",
                    new { Nid, Queued = CourierMessageStatus.Queued, Processing = CourierMessageStatus.Processing, now, stale = now - StaleProcessing, limit }, c))).ToList();
                if (rows.Count > 0)
                {
                    await connection.ExecuteAsync(Command(
                        "UPDATE courier_messages SET status = @Processing, updated_at = @now WHERE nid = @Nid AND id = ANY(@ids)",
                        new { Nid, Processing = CourierMessageStatus.Processing, now, ids = rows.Select(r => r.Id).ToArray() }, c));
                }
            }
            else
            {
                rows = (await connection.QueryAsync<CourierMessageRow>(Command(
                    "UPDATE courier_messages SET status = @Processing, updated_at = @now WHERE id IN "
                    + $"(SELECT id FROM courier_messages WHERE nid = @Nid AND {Claimable} ORDER BY created_at, id LIMIT @limit) "
                    + $"RETURNING {CourierMessageRow.Columns}",
                    new { Nid, Queued = CourierMessageStatus.Queued, Processing = CourierMessageStatus.Processing, now, stale = now - StaleProcessing, limit }, c))).ToList();
            }

            return rows
                .Select(r => { r.Status = CourierMessageStatus.Processing; r.UpdatedAt = now; return r.ToMessage(); })
                .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
                .ToList();
        }, ct);

    public async Task MarkSentAsync(Guid id, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        await connection.ExecuteAsync(Command(
            "UPDATE courier_messages SET status = @Sent, send_count = send_count + 1, updated_at = @now WHERE nid = @Nid AND id = @id",
            new { Nid, id, Sent = CourierMessageStatus.Sent, now = Clock.Now(clock) }, ct));
    }

    public async Task<string?> RecordFailureAsync(Guid id, int messageRetries, TimeSpan retryAfter, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var now = Clock.Now(clock);
        var changed = await connection.ExecuteAsync(Command(
            "UPDATE courier_messages SET send_count = send_count + 1, updated_at = @now, send_after = @sendAfter, "
            + "status = CASE WHEN send_count + 1 > @messageRetries THEN @Abandoned ELSE @Queued END WHERE nid = @Nid AND id = @id",
            new { Nid, id, messageRetries, Abandoned = CourierMessageStatus.Abandoned, Queued = CourierMessageStatus.Queued, now, sendAfter = now + retryAfter }, ct));
        return changed == 0
            ? null
            : await connection.ExecuteScalarAsync<string>(Command("SELECT status FROM courier_messages WHERE nid = @Nid AND id = @id", new { Nid, id }, ct));
    }

    public async Task AbandonAsync(Guid id, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        await connection.ExecuteAsync(Command(
            "UPDATE courier_messages SET send_count = send_count + 1, status = @Abandoned, updated_at = @now WHERE nid = @Nid AND id = @id",
            new { Nid, id, Abandoned = CourierMessageStatus.Abandoned, now = Clock.Now(clock) }, ct));
    }

    public async Task RecordDispatchAsync(Guid messageId, string status, string? errorJson, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var now = Clock.Now(clock);
        await connection.ExecuteAsync(Command(
            "INSERT INTO courier_message_dispatches (id, message_id, status, error, nid, created_at, updated_at) "
            + "VALUES (@id, @messageId, @status, @errorJson, @Nid, @now, @now)",
            new { id = Guid.NewGuid(), messageId, status, errorJson, Nid, now }, ct));
    }

    public async Task RequeueAsync(Guid id, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        await connection.ExecuteAsync(Command(
            "UPDATE courier_messages SET status = @Queued, updated_at = @now WHERE nid = @Nid AND id = @id AND status = @Processing",
            new { Nid, id, Queued = CourierMessageStatus.Queued, Processing = CourierMessageStatus.Processing, now = Clock.Now(clock) }, ct));
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken ct) =>
        new(sql, parameters, db.Transaction, cancellationToken: ct);
}
