using Custos.Persistence;
using Dapper;

namespace Custos.Admin.Keys;

/// <summary>Admin API keys on Dapper; the same SQL on SQLite and PostgreSQL.</summary>
internal sealed class SqlAdminKeyStore(DbSession db) : IAdminKeyStore
{
    private const string Columns = "id, name, key_hash, scopes, created_at, expires_at, revoked_at, last_used_at";
    private static readonly Guid Nid = Network.DefaultId;

    public async Task CreateAsync(AdminApiKey key, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        await connection.ExecuteAsync(Command(
            "INSERT INTO admin_api_keys (id, nid, name, key_hash, scopes, created_at, expires_at, revoked_at, last_used_at) "
            + "VALUES (@Id, @Nid, @Name, @KeyHash, @Scopes, @CreatedAt, @ExpiresAt, NULL, NULL)",
            new { key.Id, Nid, key.Name, key.KeyHash, Scopes = string.Join(' ', key.Scopes), key.CreatedAt, key.ExpiresAt }, ct));
    }

    public async Task<AdminApiKey?> FindByHashAsync(string keyHash, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var row = await connection.QueryFirstOrDefaultAsync<Row>(Command(
            $"SELECT {Columns} FROM admin_api_keys WHERE nid = @Nid AND key_hash = @keyHash", new { Nid, keyHash }, ct));
        return row?.ToKey();
    }

    public async Task<IReadOnlyList<AdminApiKey>> ListAsync(CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var rows = await connection.QueryAsync<Row>(Command(
            $"SELECT {Columns} FROM admin_api_keys WHERE nid = @Nid AND revoked_at IS NULL ORDER BY created_at, id", new { Nid }, ct));
        return rows.Select(r => r.ToKey()).ToList();
    }

    public async Task<bool> RevokeAsync(Guid id, DateTime now, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        return await connection.ExecuteAsync(Command(
            "UPDATE admin_api_keys SET revoked_at = @now WHERE nid = @Nid AND id = @id AND revoked_at IS NULL", new { now, Nid, id }, ct)) > 0;
    }

    public async Task TouchAsync(Guid id, DateTime now, DateTime notBefore, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        await connection.ExecuteAsync(Command(
            "UPDATE admin_api_keys SET last_used_at = @now WHERE nid = @Nid AND id = @id AND (last_used_at IS NULL OR last_used_at <= @notBefore)",
            new { now, Nid, id, notBefore }, ct));
    }

    private CommandDefinition Command(string sql, object parameters, CancellationToken ct) =>
        new(sql, parameters, db.Transaction, cancellationToken: ct);

    private sealed class Row
    {
        public Guid Id { get; set; }
        public string Name { get; set; } = "";
        public string KeyHash { get; set; } = "";
        public string Scopes { get; set; } = "";
        public DateTime CreatedAt { get; set; }
        public DateTime? ExpiresAt { get; set; }
        public DateTime? RevokedAt { get; set; }
        public DateTime? LastUsedAt { get; set; }

        public AdminApiKey ToKey() => new()
        {
            Id = Id,
            Name = Name,
            KeyHash = KeyHash,
            Scopes = Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
            CreatedAt = CreatedAt,
            ExpiresAt = ExpiresAt,
            RevokedAt = RevokedAt,
            LastUsedAt = LastUsedAt,
        };
    }
}
