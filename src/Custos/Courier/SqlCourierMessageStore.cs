using Custos.Hosting;
using Custos.Persistence;
using Dapper;

namespace Custos.Courier;

/// <summary>
/// Courier queue on Dapper. Claiming takes rows away from other workers in one transaction: on PostgreSQL with
/// <c>FOR UPDATE SKIP LOCKED</c> (concurrent claimers pass over each other's rows instead of waiting), on SQLite with
/// one <c>UPDATE ... RETURNING</c> under <c>BEGIN IMMEDIATE</c>, which serialises writers. Lease times come from this
/// node's clock, so nodes' clocks must agree to well within the lease (seconds).
/// </summary>
internal sealed partial class SqlCourierMessageStore(DbSession db, TimeProvider clock) : ICourierMessageStore
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

    private const string Claimable =
        "((status = @Queued AND (send_after IS NULL OR send_after <= @now)) OR (status = @Processing AND lease_expires_at < @now AND send_started_at IS NULL))";

    public Task<IReadOnlyList<CourierMessage>> ClaimAsync(int limit, Guid leaseToken, TimeSpan leaseFor, CancellationToken ct) =>
        db.RunInTransactionAsync<IReadOnlyList<CourierMessage>>(async c =>
        {
            var connection = await db.ConnectionAsync(c);
            var now = Clock.Now(clock);
            var parameters = new
            {
                Nid, Queued = CourierMessageStatus.Queued, Processing = CourierMessageStatus.Processing, now, limit, leaseToken, expires = now + leaseFor,
            };
            const string Lease = "status = @Processing, lease_token = @leaseToken, lease_expires_at = @expires, send_started_at = NULL, updated_at = @now";
            List<CourierMessageRow> rows;
            if (db.Dialect == SqlDialect.Postgres)
            {
                rows = (await connection.QueryAsync<CourierMessageRow>(Command(
                    $"SELECT {CourierMessageRow.Columns} FROM courier_messages WHERE nid = @Nid AND {Claimable} ORDER BY created_at, id LIMIT @limit FOR UPDATE SKIP LOCKED",
                    parameters, c))).ToList();
                if (rows.Count > 0)
                {
                    var update = new DynamicParameters(parameters);
                    update.Add("ids", rows.Select(r => r.Id).ToArray());
                    await connection.ExecuteAsync(Command($"UPDATE courier_messages SET {Lease} WHERE nid = @Nid AND id = ANY(@ids)", update, c));
                }
            }
            else
            {
                rows = (await connection.QueryAsync<CourierMessageRow>(Command(
                    $"UPDATE courier_messages SET {Lease} WHERE id IN "
                    + $"(SELECT id FROM courier_messages WHERE nid = @Nid AND {Claimable} ORDER BY created_at, id LIMIT @limit) "
                    + $"RETURNING {CourierMessageRow.Columns}",
                    parameters, c))).ToList();
            }

            return rows
                .Select(r => { r.Status = CourierMessageStatus.Processing; r.UpdatedAt = now; return r.ToMessage(); })
                .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
                .ToList();
        }, ct);

    public async Task<int> RenewLeaseAsync(Guid leaseToken, TimeSpan leaseFor, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        return await connection.ExecuteAsync(Command(
            "UPDATE courier_messages SET lease_expires_at = @expires WHERE nid = @Nid AND status = @Processing AND lease_token = @leaseToken",
            new { Nid, Processing = CourierMessageStatus.Processing, leaseToken, expires = Clock.Now(clock) + leaseFor }, ct));
    }

    public async Task<int> ReleaseAsync(Guid leaseToken, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        return await connection.ExecuteAsync(Command(
            "UPDATE courier_messages SET status = @Queued, lease_token = NULL, lease_expires_at = NULL, updated_at = @now "
            + "WHERE nid = @Nid AND status = @Processing AND lease_token = @leaseToken AND send_started_at IS NULL",
            new { Nid, leaseToken, Queued = CourierMessageStatus.Queued, Processing = CourierMessageStatus.Processing, now = Clock.Now(clock) }, ct));
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken ct) =>
        new(sql, parameters, db.Transaction, cancellationToken: ct);
}
