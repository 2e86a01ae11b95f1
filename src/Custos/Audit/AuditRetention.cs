using Custos.Persistence;
using Dapper;

namespace Custos.Audit;

/// <summary>
/// Deletes audit events older than the retention, oldest first and only ever a prefix of the chain, so the oldest kept
/// event's <c>prev_hash</c> stays a valid anchor for <c>custos audit verify</c>. The newest event is always kept: the next
/// append chains to it.
/// </summary>
internal sealed class AuditRetention(DbSession db, TimeProvider clock)
{
    public const int BatchSize = 1000;

    // Chain order, not time order: clocks of several nodes may disagree, and pruning must never punch a hole in the
    // chain. Walking seq from the start touches only the rows about to go.
    private const string FirstKept = "SELECT seq FROM audit_events WHERE occurred_at >= @Cutoff ORDER BY seq LIMIT 1";
    private const string Newest = "SELECT MAX(seq) FROM audit_events";
    private const string DeleteBatch = "DELETE FROM audit_events WHERE seq IN (SELECT seq FROM audit_events WHERE seq < @Bound ORDER BY seq LIMIT @Limit)";

    /// <summary>Prunes everything older than <paramref name="retention"/>; returns how many events were deleted.</summary>
    public async Task<int> PruneAsync(TimeSpan retention, CancellationToken ct)
    {
        var cutoff = AuditChain.Truncate(clock.GetUtcNow().UtcDateTime - retention);
        var connection = await db.ConnectionAsync(ct);
        var bound = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(FirstKept, new { Cutoff = cutoff }, cancellationToken: ct))
            ?? await connection.ExecuteScalarAsync<long?>(new CommandDefinition(Newest, cancellationToken: ct));
        if (bound is null)
        {
            return 0;
        }

        var total = 0;
        while (true)
        {
            var deleted = await db.RunInTransactionAsync(
                c => connection.ExecuteAsync(new CommandDefinition(DeleteBatch, new { Bound = bound, Limit = BatchSize }, db.Transaction, cancellationToken: c)), ct);
            total += deleted;
            if (deleted < BatchSize)
            {
                return total;
            }
        }
    }
}
