using Custos.Persistence;

namespace Custos.Persistence.Tests;

/// <summary>A migrated database for one test class: a temp SQLite file, or a fresh PostgreSQL database on the server named by <c>CUSTOS_TEST_POSTGRES_DSN</c>.</summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    private string? _tempDir;

    internal DbConnectionFactory Factory { get; private set; } = null!;

    /// <summary>Why the database is unavailable (tests are skipped and report it), or null.</summary>
    public string? Unavailable { get; private set; }

    internal abstract SqlDialect Dialect { get; }

    public async Task InitializeAsync()
    {
        string dsn;
        if (Dialect == SqlDialect.Sqlite)
        {
            _tempDir = Directory.CreateTempSubdirectory("custos-pt-").FullName;
            dsn = $"sqlite://{_tempDir}/test.db?_fk=true";
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("CUSTOS_TEST_POSTGRES_DSN");
            if (string.IsNullOrEmpty(server))
            {
                Unavailable = "CUSTOS_TEST_POSTGRES_DSN is not set";
                return;
            }

            dsn = await PostgresTestDatabase.CreateAsync(server);
        }

        Factory = new DbConnectionFactory(DatabaseTarget.Parse(dsn));
        await new Migrator(Factory).MigrateAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Factory?.Dispose();
        if (_tempDir is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_tempDir, recursive: true);
        }

        return Task.CompletedTask;
    }
}

public sealed class SqliteFixture : DatabaseFixture
{
    internal override SqlDialect Dialect => SqlDialect.Sqlite;
}

public sealed class PostgresFixture : DatabaseFixture
{
    internal override SqlDialect Dialect => SqlDialect.Postgres;
}
