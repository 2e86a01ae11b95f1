using System.Text.Json.Nodes;
using Custos.Admin;
using Custos.Audit;
using Custos.Persistence;

namespace Custos.Sessions;

/// <summary>
/// The <c>session.revoked</c> events, written in the transaction of the revocation. One event per session revoked by
/// its id (logout, <c>DELETE /sessions/{id}</c>, the admin's disable); one event with a <c>count</c> for a revocation of
/// many at once (<c>DELETE /sessions</c>, <c>revoke_active_sessions</c>, the admin's delete of an identity's sessions),
/// so a bulk revocation is one fact in the log however many sessions it ended.
/// </summary>
internal sealed class SessionRevocationAudit(IAuditLog audit, DbSession db, IHttpContextAccessor http)
{
    /// <summary>The person signed out (browser or native logout).</summary>
    public const string Logout = "logout";

    /// <summary>The person revoked their own other session(s) (<c>DELETE /sessions</c>, <c>/sessions/{id}</c>).</summary>
    public const string SelfService = "self_service";

    /// <summary>The admin API revoked or deleted them.</summary>
    public const string Admin = "admin";

    /// <summary>The <c>revoke_active_sessions</c> hook after a login, settings change or recovery.</summary>
    public const string Hook = "revoke_active_sessions";

    public Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct) => db.RunInTransactionAsync(work, ct);

    public Task RevokedAsync(Guid? identityId, Guid sessionId, string reason, CancellationToken ct) =>
        audit.AppendAsync(new AuditEntry(AuditEventTypes.SessionRevoked, identityId, sessionId, new JsonObject { ["reason"] = reason }, ActorFor(reason)), ct);

    public async Task RevokedManyAsync(Guid identityId, int count, string reason, CancellationToken ct)
    {
        if (count > 0)
        {
            await audit.AppendAsync(new AuditEntry(AuditEventTypes.SessionRevoked, identityId, null, new JsonObject { ["reason"] = reason, ["count"] = count }, ActorFor(reason)), ct);
        }
    }

    // An admin call without an API key (keys not required, as in Kratos) is the system acting, not the identity whose
    // session it ends; a key, when there is one, is named by the log itself.
    private AuditActor? ActorFor(string reason) =>
        reason == Admin && (http.HttpContext is not { } context || AdminCaller.Of(context) is null) ? AuditActor.System : null;
}
