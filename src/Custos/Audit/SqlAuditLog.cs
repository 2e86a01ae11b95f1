using System.Text.Json.Nodes;
using Custos.Admin;
using Custos.Persistence;
using Custos.Sessions;
using Dapper;

namespace Custos.Audit;

/// <summary>Appends audit events through the request's <see cref="DbSession"/>, then tells every observer.</summary>
internal sealed class SqlAuditLog(DbSession db, TimeProvider clock, IHttpContextAccessor http, IEnumerable<IAuditObserver> observers) : IAuditLog
{
    private const string Insert =
        "INSERT INTO audit_events (id, nid, type, occurred_at, actor_kind, actor_id, actor_name, identity_id, session_id, ip_address, user_agent, details) "
        + "VALUES (@Id, @Nid, @Type, @OccurredAt, @ActorKind, @ActorId, @ActorName, @IdentityId, @SessionId, @IpAddress, @UserAgent, @Details) "
        + "RETURNING seq";

    public Task<AuditEvent> AppendAsync(AuditEntry entry, CancellationToken ct) =>
        db.RunInTransactionAsync(c => InsertAsync(entry, c), ct);

    private async Task<AuditEvent> InsertAsync(AuditEntry entry, CancellationToken ct)
    {
        var context = http.HttpContext;
        var actor = entry.Actor
            ?? (context is not null && AdminCaller.Of(context) is { } key ? AuditActor.ForAdminKey(key.KeyId, key.Name) : null)
            ?? (entry.IdentityId is { } identityId ? AuditActor.ForIdentity(identityId) : AuditActor.System);
        var occurredAt = clock.GetUtcNow().UtcDateTime;
        var details = entry.Details ?? [];
        var ip = context is null ? null : ClientDevice.IpAddress(context);
        var userAgent = context?.Request.Headers.UserAgent.ToString();
        var id = Guid.NewGuid();
        var connection = await db.ConnectionAsync(ct);
        var seq = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Insert, new
        {
            Id = id,
            Nid = Network.DefaultId,
            entry.Type,
            OccurredAt = occurredAt,
            ActorKind = actor.Kind,
            ActorId = actor.Id,
            ActorName = actor.Name,
            entry.IdentityId,
            entry.SessionId,
            IpAddress = string.IsNullOrEmpty(ip) ? null : ip,
            UserAgent = string.IsNullOrEmpty(userAgent) ? null : userAgent,
            Details = details.ToJsonString(),
        }, db.Transaction, cancellationToken: ct));
        var appended = new AuditEvent(seq, id, entry.Type, occurredAt, actor, entry.IdentityId, entry.SessionId, ip, userAgent, (JsonObject)details.DeepClone());
        foreach (var observer in observers)
        {
            await observer.OnAppendedAsync(appended, ct);
        }

        return appended;
    }
}
