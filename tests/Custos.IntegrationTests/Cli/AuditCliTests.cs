using System.Text.Json.Nodes;
using Custos.Audit;
using Custos.IntegrationTests.Infrastructure;
using Custos.Persistence;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Custos.IntegrationTests.Cli;

/// <summary><c>custos audit verify</c> and <c>custos audit export</c> as real processes on a SQLite file.</summary>
public sealed class AuditCliTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("custos-audit-cli-").FullName;
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private DbConnectionFactory _factory = null!;

    private string Dsn => $"sqlite://{_dir}/audit.db?_fk=true";

    public async Task InitializeAsync()
    {
        _factory = new DbConnectionFactory(DatabaseTarget.Parse(Dsn));
        await new Migrator(_factory).MigrateAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<List<AuditEvent>> AppendAsync(int count)
    {
        var events = new List<AuditEvent>();
        for (var i = 0; i < count; i++)
        {
            await using var db = new DbSession(_factory);
            var log = new SqlAuditLog(db, _clock, new Microsoft.AspNetCore.Http.HttpContextAccessor(), [], NullLogger<SqlAuditLog>.Instance);
            events.Add(await log.AppendAsync(new AuditEntry(AuditEventTypes.IdentityUpdated, Guid.NewGuid(), Details: new JsonObject { ["n"] = i }), CancellationToken.None));
            _clock.Advance(TimeSpan.FromHours(1));
        }

        return events;
    }

    private async Task ExecuteAsync(string sql, object parameters)
    {
        await using var db = new DbSession(_factory);
        await (await db.ConnectionAsync(CancellationToken.None)).ExecuteAsync(sql, parameters);
    }

    [Fact]
    public async Task Verify_AnIntactLog_PrintsOk_AndExitsZero()
    {
        await AppendAsync(3);

        var (code, stdout, _) = await CustosProcess.RunAsync(["audit", "verify", Dsn]);

        Assert.Equal(0, code);
        Assert.StartsWith("OK: 3 events verified, head hash ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AnEditedRow_NamesIt_AndExitsOne()
    {
        var events = await AppendAsync(4);
        await ExecuteAsync("UPDATE audit_events SET details = '{\"n\":9}' WHERE id = @Id", new { Id = events[1].Id.ToString("D") });

        var (code, stdout, _) = await CustosProcess.RunAsync(["audit", "verify", "-e"], new Dictionary<string, string> { ["DSN"] = Dsn });

        Assert.Equal(1, code);
        Assert.Contains($"event {events[1].Id:D}", stdout, StringComparison.Ordinal);
        Assert.Contains("was changed", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ARemovedRow_NamesWhereItWas_AndExitsOne()
    {
        var events = await AppendAsync(4);
        await ExecuteAsync("DELETE FROM audit_events WHERE id = @Id", new { Id = events[2].Id.ToString("D") });

        var (code, stdout, _) = await CustosProcess.RunAsync(["audit", "verify", Dsn]);

        Assert.Equal(1, code);
        Assert.Contains($"between event {events[1].Id:D}", stdout, StringComparison.Ordinal);
        Assert.Contains($"and event {events[3].Id:D}", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WritesJsonLines_InTheWindow_OldestFirst()
    {
        var events = await AppendAsync(4);

        var (code, stdout, _) = await CustosProcess.RunAsync(["audit", "export", Dsn, "--since", "2026-12-01T09:00:00Z", "--until", "2026-12-01T11:00:00Z"]);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();

        Assert.Equal(0, code);
        Assert.Equal([events[1].Id, events[2].Id], lines.Select(l => Guid.Parse(l["id"]!.GetValue<string>())));
        Assert.Equal("identity.updated", lines[0]["type"]!.GetValue<string>());
        Assert.Equal("""{"n":1}""", lines[0]["details"]!.ToJsonString());
        Assert.Equal(lines[0]["hash"]!.GetValue<string>(), lines[1]["prev_hash"]!.GetValue<string>());
    }

    [Fact]
    public async Task Export_ABadTime_FailsWithOneLine()
    {
        var (code, _, stderr) = await CustosProcess.RunAsync(["audit", "export", Dsn, "--since", "last week"]);

        Assert.Equal(1, code);
        Assert.Contains("--since must be an RFC 3339 time", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WithoutADatabase_FailsWithOneLine()
    {
        var (code, _, stderr) = await CustosProcess.RunAsync(["audit", "verify"]);

        Assert.Equal(1, code);
        Assert.Contains("no database given", stderr, StringComparison.Ordinal);
    }
}
