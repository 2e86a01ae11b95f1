using Custos.Persistence;
using Dapper;

namespace Custos.SelfService.Strategies.Code;

internal sealed partial class SqlOneTimeSecretStore
{
    public async Task<OneTimeSecretUse> ConsumeAsync(OneTimeSecretKind kind, OneTimeSecretMatch match, DateTime now, CancellationToken ct)
    {
        if (match.Hmacs.Count == 0 || match.Addresses is { Count: 0 })
        {
            return new OneTimeSecretUse(OneTimeSecretOutcome.NotFound);
        }

        var connection = await db.ConnectionAsync(ct);
        var parameters = new DynamicParameters(new { Nid = Network.DefaultId, now, match.FlowId, match.IdentityId });
        var where = Where(match, parameters);

        // The only write: of parallel submissions of one code exactly one sees used_at IS NULL (PostgreSQL re-checks
        // the predicate after taking the row lock; SQLite has a single writer). An expired code is not consumed.
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"UPDATE {Table(kind)} SET used_at = @now, updated_at = @now WHERE {where} AND used_at IS NULL AND expires_at > @now RETURNING {Columns(kind)}",
            parameters, db.Transaction, cancellationToken: ct));
        if (row is not null)
        {
            return new OneTimeSecretUse(OneTimeSecretOutcome.Used, ToSecret(kind, row));
        }

        // Only to tell the caller why: the answer never makes a secret usable.
        var state = await connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns(kind)} FROM {Table(kind)} WHERE {where} ORDER BY issued_at DESC",
            parameters, db.Transaction, cancellationToken: ct));
        return new OneTimeSecretUse(state switch
        {
            null => OneTimeSecretOutcome.NotFound,
            // Kratos checks the lifespan before the use: an expired, used code reads as not found (expired).
            _ when state.ExpiresAt <= now => OneTimeSecretOutcome.Expired,
            _ => OneTimeSecretOutcome.AlreadyUsed,
        });
    }

    private static string Where(OneTimeSecretMatch match, DynamicParameters parameters)
    {
        var where = $"nid = @Nid AND flow_id = @FlowId AND secret_hmac IN ({AddList(parameters, "h", match.Hmacs)})";
        if (match.IdentityId is not null)
        {
            where += " AND identity_id = @IdentityId";
        }

        if (match.Addresses is not null)
        {
            where += $" AND address IN ({AddList(parameters, "a", match.Addresses)})";
        }

        return where;
    }
}
