using System.Data.Common;
using System.Reflection;
using Dapper;

namespace Custos.Persistence;

/// <summary>
/// Applies the embedded, forward-only SQL migrations of the current dialect, each once, recorded in
/// <c>custos_migrations</c>. A second run is a no-op. On PostgreSQL an advisory lock serialises nodes that
/// migrate at the same time.
/// </summary>
internal sealed class Migrator(IDbConnectionFactory factory)
{
    private const long AdvisoryLockKey = 0x437573746f73; // "Custos"

    /// <summary>A migration file: its version (the file name without extension) and SQL.</summary>
    public sealed record Migration(string Version, string Sql);

    public static IReadOnlyList<Migration> All(SqlDialect dialect)
    {
        var folder = dialect == SqlDialect.Postgres ? ".Migrations.postgres." : ".Migrations.sqlite.";
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(folder, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                var file = n[(n.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..^4];
                return new Migration(file.TrimStart('_'), reader.ReadToEnd());
            })
            .OrderBy(m => m.Version, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The versions not yet applied.</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        var applied = await AppliedAsync(connection, factory.Dialect, ct);
        return All(factory.Dialect).Select(m => m.Version).Where(v => !applied.Contains(v)).ToList();
    }

    /// <summary>Applies every pending migration; returns the versions applied now.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        if (factory.Dialect == SqlDialect.Postgres)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: ct));
        }

        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "CREATE TABLE IF NOT EXISTS custos_migrations (version VARCHAR(255) PRIMARY KEY, applied_at VARCHAR(64) NOT NULL)",
                cancellationToken: ct));
            var applied = await AppliedAsync(connection, factory.Dialect, ct);
            var done = new List<string>();
            foreach (var migration in All(factory.Dialect).Where(m => !applied.Contains(m.Version)))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: tx, cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO custos_migrations (version, applied_at) VALUES (@v, @at)",
                    new { v = migration.Version, at = DapperSetup.FormatTime(DateTime.UtcNow) }, tx, cancellationToken: ct));
                await tx.CommitAsync(ct);
                done.Add(migration.Version);
            }

            return done;
        }
        finally
        {
            if (factory.Dialect == SqlDialect.Postgres)
            {
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey }, cancellationToken: CancellationToken.None));
            }
        }
    }

    private static async Task<HashSet<string>> AppliedAsync(DbConnection connection, SqlDialect dialect, CancellationToken ct)
    {
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            dialect == SqlDialect.Postgres
                ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'custos_migrations'"
                : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'custos_migrations'",
            cancellationToken: ct));
        if (exists == 0)
        {
            return [];
        }

        var versions = await connection.QueryAsync<string>(new CommandDefinition("SELECT version FROM custos_migrations", cancellationToken: ct));
        return versions.ToHashSet(StringComparer.Ordinal);
    }
}
