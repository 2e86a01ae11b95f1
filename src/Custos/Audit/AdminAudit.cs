using System.Text.Json.Nodes;
using Custos.Admin;
using Custos.Persistence;

namespace Custos.Audit;

/// <summary>
/// Runs an admin write and its audit event in one transaction (issue 14 §2: every admin write is audited, with the
/// key's id and name, which <see cref="SqlAuditLog"/> takes from the request). No event when the write changed nothing.
/// </summary>
internal sealed class AdminAudit(DbSession db, IAuditLog audit, IHttpContextAccessor http)
{
    public Task<T> RecordAsync<T>(string type, Func<CancellationToken, Task<T>> work, Func<T, (bool Changed, Guid? IdentityId, JsonObject Details)> describe, CancellationToken ct) =>
        db.RunInTransactionAsync(async c =>
        {
            var result = await work(c);
            var (changed, identityId, details) = describe(result);
            if (changed)
            {
                // The admin is the actor, also when the event names an identity: its key, or Custos itself without one.
                var actor = http.HttpContext is { } context && AdminCaller.Of(context) is { } key ? AuditActor.ForAdminKey(key.KeyId, key.Name) : AuditActor.System;
                await audit.AppendAsync(new AuditEntry(type, identityId, null, details, actor), c);
            }

            return result;
        }, ct);
}
