using System.Runtime.CompilerServices;
using System.Text;
using Custos.Persistence;
using Dapper;

namespace Custos.Audit;

/// <summary>Reads <c>audit_events</c> through the scope's <see cref="DbSession"/>.</summary>
internal sealed class SqlAuditEventReader(DbSession db) : IAuditEventReader
{
    private const string Columns =
        "seq, id, nid, type, occurred_at, actor_kind, actor_id, actor_name, identity_id, session_id, ip_address, user_agent, details, prev_hash, hash";

    public async Task<IReadOnlyList<AuditRow>> ListAsync(AuditEventQuery query, CancellationToken ct)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM audit_events WHERE nid = @Nid");
        var parameters = new DynamicParameters();
        parameters.Add("Nid", Network.DefaultId);
        parameters.Add("Limit", query.PageSize);
        if (query.AfterSeq is { } after)
        {
            sql.Append(" AND seq > @After");
            parameters.Add("After", after);
        }

        if (query.Types is { Count: > 0 } types)
        {
            // Npgsql binds an array natively; SQLite takes Dapper's IN-list expansion.
            sql.Append(db.Dialect == SqlDialect.Postgres ? " AND type = ANY(@Types)" : " AND type IN @Types");
            parameters.Add("Types", types.ToArray());
        }

        if (query.IdentityId is { } identityId)
        {
            sql.Append(" AND identity_id = @IdentityId");
            parameters.Add("IdentityId", identityId);
        }

        AppendTimeRange(sql, parameters, query.Since, query.Until);
        sql.Append(" ORDER BY seq LIMIT @Limit");
        var connection = await db.ConnectionAsync(ct);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(sql.ToString(), parameters, db.Transaction, cancellationToken: ct));
        return rows.AsList();
    }

    public async IAsyncEnumerable<AuditRow> StreamAsync(DateTime? since, DateTime? until, [EnumeratorCancellation] CancellationToken ct)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM audit_events WHERE 1 = 1");
        var parameters = new DynamicParameters();
        AppendTimeRange(sql, parameters, since, until);
        sql.Append(" ORDER BY seq");
        var connection = await db.ConnectionAsync(ct);
        // No command timeout: a long chain is read for as long as it takes, one row at a time.
        await foreach (var row in connection.QueryUnbufferedAsync<AuditRow>(sql.ToString(), parameters, db.Transaction, commandTimeout: 0).WithCancellation(ct))
        {
            yield return row;
        }
    }

    private static void AppendTimeRange(StringBuilder sql, DynamicParameters parameters, DateTime? since, DateTime? until)
    {
        if (since is { } from)
        {
            sql.Append(" AND occurred_at >= @Since");
            parameters.Add("Since", AuditChain.Truncate(from));
        }

        if (until is { } to)
        {
            sql.Append(" AND occurred_at < @Until");
            parameters.Add("Until", AuditChain.Truncate(to));
        }
    }
}
