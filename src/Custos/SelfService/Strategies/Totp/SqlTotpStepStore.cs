using Custos.Persistence;
using Dapper;

namespace Custos.SelfService.Strategies.Totp;

/// <summary>The used-step rows; one upsert per call on SQLite and PostgreSQL alike.</summary>
internal sealed class SqlTotpStepStore(DbSession db) : ITotpStepStore
{
    private const string Insert =
        "INSERT INTO identity_totp_used_steps (identity_id, nid, last_step, updated_at) VALUES (@identityId, @Nid, @step, @now) "
        + "ON CONFLICT (identity_id) DO UPDATE SET last_step = excluded.last_step, updated_at = excluded.updated_at";

    public async Task<bool> TryUseAsync(Guid identityId, long step, DateTime now, CancellationToken ct)
    {
        // The WHERE of the conflict branch is evaluated on the row as locked (PostgreSQL) or under the single writer
        // (SQLite): a second submission of the same step changes no row.
        var connection = await db.ConnectionAsync(ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            Insert + " WHERE identity_totp_used_steps.last_step < excluded.last_step",
            new { identityId, Nid = Network.DefaultId, step, now }, db.Transaction, cancellationToken: ct));
        return changed == 1;
    }

    public async Task ResetAsync(Guid identityId, long step, DateTime now, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            Insert, new { identityId, Nid = Network.DefaultId, step, now }, db.Transaction, cancellationToken: ct));
    }
}
