using System.Text.Json.Nodes;
using Custos.Audit;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Custos.Persistence.Tests;

/// <summary>
/// The audit log's hash chain on every database: parallel appends never fork it, <c>verify</c> catches edits and
/// removals, and retention pruning keeps it verifiable. Tests of a class run one after another and each empties the table.
/// </summary>
public abstract partial class AuditLogConformance(DatabaseFixture fixture)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly SteppingClock _clock = new(Start);

    private async Task ResetAsync()
    {
        Skip.If(fixture.Unavailable is not null, fixture.Unavailable);
        await using var db = new DbSession(fixture.Factory);
        var connection = await db.ConnectionAsync(Ct);
        await connection.ExecuteAsync("DELETE FROM audit_events");
    }

    private async Task<AuditEvent> AppendAsync(AuditEntry entry)
    {
        await using var db = new DbSession(fixture.Factory);
        return await new SqlAuditLog(db, _clock, new HttpContextAccessor(), [], NullLogger<SqlAuditLog>.Instance).AppendAsync(entry, Ct);
    }

    private async Task<List<AuditEvent>> AppendManyAsync(int count, Guid? identityId = null)
    {
        var events = new List<AuditEvent>();
        for (var i = 0; i < count; i++)
        {
            events.Add(await AppendAsync(new AuditEntry(AuditEventTypes.LoginSucceeded, identityId ?? Guid.NewGuid(), Details: new JsonObject { ["method"] = "password", ["n"] = i })));
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        return events;
    }

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var db = new DbSession(fixture.Factory);
        return await AuditChainVerifier.VerifyAsync(new SqlAuditEventReader(db).StreamAsync(null, null, Ct), Ct);
    }

    private async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var db = new DbSession(fixture.Factory);
        var connection = await db.ConnectionAsync(Ct);
        await connection.ExecuteAsync(sql, parameters);
    }

    private async Task<List<AuditRow>> RowsAsync()
    {
        await using var db = new DbSession(fixture.Factory);
        var rows = new List<AuditRow>();
        await foreach (var row in new SqlAuditEventReader(db).StreamAsync(null, null, Ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    [SkippableFact]
    public async Task FiftyParallelAppends_FormOneChain_ThatVerifies()
    {
        await ResetAsync();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => AppendAsync(new AuditEntry(AuditEventTypes.IdentityUpdated, Guid.NewGuid())))));
        var rows = await RowsAsync();
        var result = await VerifyAsync();

        Assert.True(result.Ok, result.Problem);
        Assert.Equal(50, result.Checked);
        Assert.Null(rows[0].PrevHash);
        Assert.Equal(50, rows.Select(r => r.PrevHash ?? "").Distinct().Count());
        Assert.Equal(rows[^1].Hash, result.HeadHash);
    }

    [SkippableFact]
    public async Task Verify_AnIntactChain_IsOk_AndEveryRowNamesItsPredecessor()
    {
        await ResetAsync();
        await AppendManyAsync(5);

        var rows = await RowsAsync();
        var result = await VerifyAsync();

        Assert.True(result.Ok, result.Problem);
        Assert.Equal(5, result.Checked);
        Assert.All(rows.Skip(1).Zip(rows), pair => Assert.Equal(pair.Second.Hash, pair.First.PrevHash));
    }

    [SkippableFact]
    public async Task Verify_CatchesAnEditedDetailsValue_AndNamesTheEvent()
    {
        await ResetAsync();
        var events = await AppendManyAsync(5);

        await ExecuteAsync("UPDATE audit_events SET details = @Details WHERE seq = @Seq", new { Details = """{"method":"totp","n":2}""", Seq = events[2].Sequence });
        var result = await VerifyAsync();

        Assert.False(result.Ok);
        Assert.Equal(2, result.Checked);
        Assert.Contains(events[2].Id.ToString("D"), result.Problem, StringComparison.Ordinal);
        Assert.Contains("was changed", result.Problem, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Verify_CatchesADeletedMiddleRow_AndNamesWhereItWas()
    {
        await ResetAsync();
        var events = await AppendManyAsync(5);

        await ExecuteAsync("DELETE FROM audit_events WHERE seq = @Seq", new { Seq = events[2].Sequence });
        var result = await VerifyAsync();

        Assert.False(result.Ok);
        Assert.Contains($"between event {events[1].Id:D}", result.Problem, StringComparison.Ordinal);
        Assert.Contains($"and event {events[3].Id:D}", result.Problem, StringComparison.Ordinal);
        Assert.Contains("removed", result.Problem, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Verify_CatchesAnEditedHash()
    {
        await ResetAsync();
        var events = await AppendManyAsync(5);

        await ExecuteAsync("UPDATE audit_events SET hash = @Hash WHERE seq = @Seq", new { Hash = new string('0', 64), Seq = events[3].Sequence });
        var result = await VerifyAsync();

        Assert.False(result.Ok);
        Assert.Contains($"event {events[3].Id:D}", result.Problem, StringComparison.Ordinal);
        Assert.Contains("was changed", result.Problem, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Verify_CatchesARowRehashedAfterAnEdit_AtTheNextEvent()
    {
        await ResetAsync();
        var events = await AppendManyAsync(4);
        var rows = await RowsAsync();
        var forged = new AuditRow { Id = rows[1].Id, Nid = rows[1].Nid, Type = rows[1].Type, OccurredAt = rows[1].OccurredAt, ActorKind = rows[1].ActorKind, ActorId = rows[1].ActorId, IdentityId = rows[1].IdentityId, Details = "{}", PrevHash = rows[1].PrevHash };

        await ExecuteAsync("UPDATE audit_events SET details = '{}', hash = @Hash WHERE seq = @Seq", new { Hash = AuditChain.Compute(forged.PrevHash, forged), Seq = events[1].Sequence });
        var result = await VerifyAsync();

        Assert.False(result.Ok);
        Assert.Contains($"between event {events[1].Id:D} (seq {events[1].Sequence}", result.Problem, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Append_DropsSecretKeysAndValues_BeforeStoringAndHashing()
    {
        await ResetAsync();
        var details = new JsonObject
        {
            ["method"] = "password",
            ["password"] = "hunter2-hunter2",
            ["reason_code"] = 4000006,
            ["recovery_code"] = "12345678",
            ["nested"] = new JsonObject { ["session_token"] = "abc", ["kept"] = "yes" },
            ["note"] = "ory_st_0123456789abcdef0123456789abcdef",
            ["hashed_password"] = "$argon2id$v=19$m=65536,t=1,p=1$c2FsdA$aGFzaA",
        };

        var appended = await AppendAsync(new AuditEntry(AuditEventTypes.SettingsUpdated, Guid.NewGuid(), Details: details));
        var stored = Assert.Single(await RowsAsync());

        Assert.Equal("""{"method":"password","reason_code":4000006,"nested":{"kept":"yes"}}""", stored.Details);
        Assert.Equal(stored.Details, appended.Details.ToJsonString());
        Assert.True((await VerifyAsync()).Ok);
    }
}

public sealed class SqliteAuditLogTests(SqliteFixture fixture) : AuditLogConformance(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresAuditLogTests(PostgresFixture fixture) : AuditLogConformance(fixture), IClassFixture<PostgresFixture>;
