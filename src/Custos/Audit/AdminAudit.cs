using System.Text.Json.Nodes;
using Custos.Persistence;

namespace Custos.Audit;

/// <summary>
/// Runs an admin write and its audit event in one transaction (issue 14 §2: every admin write is audited, with the
/// key's id and name, which <see cref="SqlAuditLog"/> takes from the request). No event when the write changed nothing.
/// </summary>
internal sealed class AdminAudit(DbSession db, IAuditLog audit)
{
    public Task<T> RecordAsync<T>(string type, Func<CancellationToken, Task<T>> work, Func<T, (bool Changed, Guid? IdentityId, JsonObject Details)> describe, CancellationToken ct) =>
        db.RunInTransactionAsync(async c =>
        {
            var result = await work(c);
            var (changed, identityId, details) = describe(result);
            if (changed)
            {
                await audit.AppendAsync(new AuditEntry(type, identityId, null, details), c);
            }

            return result;
        }, ct);
}
