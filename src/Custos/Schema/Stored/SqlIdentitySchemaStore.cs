using Custos.Persistence;
using Dapper;

namespace Custos.Schema.Stored;

/// <summary>Dapper implementation of <see cref="IIdentitySchemaStore"/> for SQLite and PostgreSQL.</summary>
internal sealed class SqlIdentitySchemaStore(DbSession db, TimeProvider clock) : IIdentitySchemaStore
{
    /// <summary>One row by id; <see cref="StoredSchemaReader"/> runs it too.</summary>
    public const string SelectById =
        "SELECT " + StoredIdentitySchema.Columns + " FROM identity_schemas WHERE nid = @Nid AND id = @Id";

    private const string Upsert =
        "INSERT INTO identity_schemas (id, nid, schema, created_at, updated_at) VALUES (@Id, @Nid, @Schema, @Now, @Now) "
        + "ON CONFLICT (nid, id) DO UPDATE SET schema = excluded.schema, updated_at = excluded.updated_at "
        + "RETURNING " + StoredIdentitySchema.Columns;

    public async Task<StoredIdentitySchema?> GetAsync(string id, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<StoredIdentitySchema>(
            new CommandDefinition(SelectById, new { Nid = Network.DefaultId, Id = id }, db.Transaction, cancellationToken: ct));
    }

    public async Task<int> CountAsync(CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM identity_schemas WHERE nid = @Nid", new { Nid = Network.DefaultId }, db.Transaction, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<StoredIdentitySchema>> ListAsync(int offset, int limit, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var rows = await connection.QueryAsync<StoredIdentitySchema>(new CommandDefinition(
            "SELECT " + StoredIdentitySchema.Columns + " FROM identity_schemas WHERE nid = @Nid ORDER BY id LIMIT @Limit OFFSET @Offset",
            new { Nid = Network.DefaultId, Limit = limit, Offset = offset }, db.Transaction, cancellationToken: ct));
        return rows.AsList();
    }

    public Task<(StoredIdentitySchema Schema, bool Created)> PutAsync(string id, string schema, CancellationToken ct) =>
        db.RunInTransactionAsync(async c =>
        {
            // PostgreSQL keeps microseconds: round first so "created now" compares equal after the round trip.
            var now = clock.GetUtcNow().UtcDateTime;
            now = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
            var connection = await db.ConnectionAsync(c);
            var row = await connection.QuerySingleAsync<StoredIdentitySchema>(new CommandDefinition(
                Upsert, new { Id = id, Nid = Network.DefaultId, Schema = schema, Now = now }, db.Transaction, cancellationToken: c));
            return (row, row.CreatedAt == now);
        }, ct);

    public Task<SchemaDeletion> DeleteAsync(string id, CancellationToken ct) =>
        db.RunInTransactionAsync(async c =>
        {
            var connection = await db.ConnectionAsync(c);
            var args = new { Nid = Network.DefaultId, Id = id };
            // PostgreSQL: lock the row so two deletes (or a delete and a replace) serialise; SQLite's BEGIN IMMEDIATE
            // already holds the database's write lock.
            var lockRow = db.Dialect == SqlDialect.Postgres
                ? "SELECT id FROM identity_schemas WHERE nid = @Nid AND id = @Id FOR UPDATE"
                : "SELECT id FROM identity_schemas WHERE nid = @Nid AND id = @Id";
            if (await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(lockRow, args, db.Transaction, cancellationToken: c)) is null)
            {
                return SchemaDeletion.NotFound;
            }

            var used = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT COUNT(*) FROM (SELECT 1 FROM identities WHERE nid = @Nid AND schema_id = @Id LIMIT 1) used", args, db.Transaction, cancellationToken: c));
            if (used > 0)
            {
                return SchemaDeletion.InUse;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM identity_schemas WHERE nid = @Nid AND id = @Id", args, db.Transaction, cancellationToken: c));
            return SchemaDeletion.Deleted;
        }, ct);
}
