using System.Diagnostics;
using Custos.Persistence;
using Npgsql;

namespace Custos.IntegrationTests.Infrastructure;

/// <summary>
/// A PostgreSQL server of the test class's own, which its tests may restart: <c>scripts/pg-test-server.sh</c> in a temp
/// folder on a free loopback port (the shared server of <c>CUSTOS_TEST_POSTGRES_DSN</c> must never be restarted under
/// other tests). Tests skip, saying why, when PostgreSQL 15's server binaries are missing.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncLifetime
{
    private const string Binaries = "/usr/lib/postgresql/15/bin";

    private string? _dir;

    /// <summary>Why the server is unavailable, or null.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>The server's DSN (its <c>custos_test</c> database).</summary>
    public string ServerDsn { get; private set; } = "";

    private static string Script
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Custos.slnx")))
            {
                dir = dir.Parent;
            }

            return dir is null ? throw new FileNotFoundException("the repository (Custos.slnx) was not found above the test binaries")
                : Path.Combine(dir.FullName, "scripts", "pg-test-server.sh");
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(Binaries, "pg_ctl")))
        {
            Unavailable = $"PostgreSQL 15 server binaries are not installed ({Binaries}; apt-get install postgresql)";
            return;
        }

        var (code, stdout, stderr) = await RunScriptAsync("start");
        if (code != 0)
        {
            Unavailable = "scripts/pg-test-server.sh start failed: " + stderr;
            return;
        }

        foreach (var line in stdout.Split('\n'))
        {
            // The script prints `export NAME=VALUE` with bash's %q quoting; neither value has characters that need it.
            if (line.StartsWith("export CUSTOS_TEST_POSTGRES_DSN=", StringComparison.Ordinal))
            {
                ServerDsn = line["export CUSTOS_TEST_POSTGRES_DSN=".Length..].Replace("\\", "", StringComparison.Ordinal).Trim();
            }
            else if (line.StartsWith("export CUSTOS_TEST_PG_DIR=", StringComparison.Ordinal))
            {
                _dir = line["export CUSTOS_TEST_PG_DIR=".Length..].Trim();
            }
        }
    }

    /// <summary>A fresh database on this server, migrated; returns its DSN.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        Skip.If(Unavailable is not null, Unavailable);
        var name = "custos_lease_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(DatabaseTarget.Parse(ServerDsn).ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            await command.ExecuteNonQueryAsync();
        }

        var dsn = new UriBuilder(new Uri(ServerDsn)) { Path = "/" + name }.Uri.ToString();
        using var factory = new DbConnectionFactory(DatabaseTarget.Parse(dsn));
        await new Migrator(factory).MigrateAsync(CancellationToken.None);
        return dsn;
    }

    /// <summary><c>pg_ctl restart -m fast</c>: every open connection is cut; returns once the server accepts connections again.</summary>
    public async Task RestartAsync()
    {
        var (code, _, stderr) = await RunScriptAsync("restart", _dir!);
        Assert.True(code == 0, "restarting PostgreSQL failed: " + stderr);
    }

    public async Task DisposeAsync()
    {
        if (_dir is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await RunScriptAsync("stop", _dir);
        }
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunScriptAsync(params string[] args)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Script);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
