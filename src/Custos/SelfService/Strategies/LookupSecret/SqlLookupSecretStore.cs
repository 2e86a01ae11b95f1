using System.Globalization;
using System.Text.Json.Nodes;
using Custos.Identity;
using Custos.Persistence;
using Dapper;

namespace Custos.SelfService.Strategies.LookupSecret;

/// <summary>
/// Backup codes live in the credential's JSON config (Kratos's layout, no table of their own); a code is consumed by
/// a JSON-path update guarded by the same path being still null, so no read-modify-write window exists.
/// </summary>
internal sealed class SqlLookupSecretStore(DbSession db) : ILookupSecretStore
{
    private sealed class Row
    {
        public Guid Id { get; set; }
        public string Config { get; set; } = "{}";
    }

    public async Task<StoredLookupSecret?> GetAsync(Guid identityId, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT id, config FROM identity_credentials WHERE nid = @Nid AND identity_id = @identityId AND type = @Type",
            new { Nid = Network.DefaultId, identityId, Type = CredentialTypes.LookupSecret }, db.Transaction, cancellationToken: ct));
        return row is null ? null : new StoredLookupSecret(row.Id, JsonNode.Parse(row.Config) as JsonObject ?? []);
    }

    public async Task<bool> TryMarkUsedAsync(Guid credentialId, int index, string field, string value, DateTime usedAt, CancellationToken ct)
    {
        // Only the two known field names and a non-negative index are spliced into the JSON paths; values are parameters.
        if (field is not (LookupSecretCredential.HmacField or LookupSecretCredential.ClearField) || index < 0)
        {
            throw new ArgumentException("unknown lookup code field or index", nameof(field));
        }

        var i = index.ToString(CultureInfo.InvariantCulture);
        // PostgreSQL re-evaluates the WHERE clause on the newest row version after waiting for a concurrent writer's
        // lock, and recomputes jsonb_set on it; SQLite has a single writer. Either way one caller sees used_at IS NULL.
        var sql = db.Dialect == SqlDialect.Postgres
            ? "UPDATE identity_credentials SET "
                + $"config = jsonb_set(config, '{{recovery_codes,{i},used_at}}', to_jsonb(CAST(@UsedAt AS text))), updated_at = @Now "
                + "WHERE nid = @Nid AND id = @Id AND type = @Type "
                + $"AND config #>> '{{recovery_codes,{i},{field}}}' = @Value AND config #>> '{{recovery_codes,{i},used_at}}' IS NULL"
            : "UPDATE identity_credentials SET "
                + $"config = json_set(config, '$.recovery_codes[{i}].used_at', @UsedAt), updated_at = @Now "
                + "WHERE nid = @Nid AND id = @Id AND type = @Type "
                + $"AND json_extract(config, '$.recovery_codes[{i}].{field}') = @Value AND json_extract(config, '$.recovery_codes[{i}].used_at') IS NULL";
        var connection = await db.ConnectionAsync(ct);
        var updated = await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            Nid = Network.DefaultId,
            Id = credentialId,
            Type = CredentialTypes.LookupSecret,
            Value = value,
            UsedAt = LookupSecretCredential.FormatUsedAt(usedAt),
            Now = usedAt,
        }, db.Transaction, cancellationToken: ct));
        return updated == 1;
    }
}
