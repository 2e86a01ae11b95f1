using Custos.Admin;
using Custos.Persistence;
using Custos.Sessions;
using Dapper;

namespace Custos.Audit;

/// <summary>
/// Appends audit events through the request's <see cref="DbSession"/>, chained to the previous row by hash, then tells
/// every observer. Secret-looking detail keys and values are dropped before the row is stored (see
/// <see cref="AuditDetailsScrubber"/>).
/// </summary>
internal sealed class SqlAuditLog(
    DbSession db,
    TimeProvider clock,
    IHttpContextAccessor http,
    IEnumerable<IAuditObserver> observers,
    ILogger<SqlAuditLog> logger) : IAuditLog
{
    /// <summary>The advisory lock key that serialises appends on PostgreSQL (ASCII "CustosAu").</summary>
    public const long ChainLockKey = 0x437573746F734175;

    private const string Insert =
        "INSERT INTO audit_events (id, nid, type, occurred_at, actor_kind, actor_id, actor_name, identity_id, session_id, ip_address, user_agent, details, prev_hash, hash) "
        + "VALUES (@Id, @Nid, @Type, @OccurredAt, @ActorKind, @ActorId, @ActorName, @IdentityId, @SessionId, @IpAddress, @UserAgent, @Details, @PrevHash, @Hash) "
        + "RETURNING seq";

    private const string LastHash = "SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1";

    public Task<AuditEvent> AppendAsync(AuditEntry entry, CancellationToken ct) =>
        db.RunInTransactionAsync(c => InsertAsync(entry, c), ct);

    private async Task<AuditEvent> InsertAsync(AuditEntry entry, CancellationToken ct)
    {
        var context = http.HttpContext;
        var actor = entry.Actor
            ?? (context is not null && AdminCaller.Of(context) is { } key ? AuditActor.ForAdminKey(key.KeyId, key.Name) : null)
            ?? (entry.IdentityId is { } identityId ? AuditActor.ForIdentity(identityId) : AuditActor.System);
        var details = AuditDetailsScrubber.Scrub(entry.Details, out var removed);
        if (removed.Count > 0)
        {
            AuditLogging.SecretDropped(logger, entry.Type, string.Join(", ", removed));
        }

        var ip = context is null ? null : ClientDevice.IpAddress(context);
        var userAgent = context?.Request.Headers.UserAgent.ToString();
        var connection = await db.ConnectionAsync(ct);
        if (db.Dialect == SqlDialect.Postgres)
        {
            // Held to commit: two appends must not both read the same last hash and fork the chain. It has to be a
            // statement of its own, before the read, because a statement's snapshot is taken before it waits for the
            // lock. SQLite needs nothing: DbSession's BEGIN IMMEDIATE already admits one writer at a time.
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@Key)", new { Key = ChainLockKey }, db.Transaction, cancellationToken: ct));
        }

        var prevHash = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(LastHash, transaction: db.Transaction, cancellationToken: ct));
        var row = new AuditRow
        {
            Id = Guid.NewGuid(),
            Nid = Network.DefaultId,
            Type = entry.Type,
            OccurredAt = AuditChain.Truncate(clock.GetUtcNow().UtcDateTime),
            ActorKind = actor.Kind,
            ActorId = actor.Id,
            ActorName = actor.Name,
            IdentityId = entry.IdentityId,
            SessionId = entry.SessionId,
            IpAddress = string.IsNullOrEmpty(ip) ? null : ip,
            UserAgent = string.IsNullOrEmpty(userAgent) ? null : userAgent,
            Details = details.ToJsonString(),
            PrevHash = prevHash,
        };
        var hash = AuditChain.Compute(prevHash, row);
        var seq = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Insert, new
        {
            row.Id,
            row.Nid,
            row.Type,
            row.OccurredAt,
            row.ActorKind,
            row.ActorId,
            row.ActorName,
            row.IdentityId,
            row.SessionId,
            row.IpAddress,
            row.UserAgent,
            row.Details,
            row.PrevHash,
            Hash = hash,
        }, db.Transaction, cancellationToken: ct));
        var appended = new AuditEvent(seq, row.Id, row.Type, row.OccurredAt, actor, row.IdentityId, row.SessionId, row.IpAddress, row.UserAgent, details);
        foreach (var observer in observers)
        {
            await observer.OnAppendedAsync(appended, ct);
        }

        return appended;
    }
}
