using System.Text.Json.Nodes;
using Custos.Audit;

namespace Custos.Persistence.Tests;

/// <summary>Pages and streams of the audit log, and retention pruning.</summary>
public abstract partial class AuditLogConformance
{
    private async Task<IReadOnlyList<AuditRow>> ListAsync(AuditEventQuery query)
    {
        await using var db = new DbSession(fixture.Factory);
        return await new SqlAuditEventReader(db).ListAsync(query, Ct);
    }

    private async Task<int> PruneAsync(TimeSpan retention)
    {
        await using var db = new DbSession(fixture.Factory);
        return await new AuditRetention(db, _clock).PruneAsync(retention, Ct);
    }

    [SkippableFact]
    public async Task List_FiltersByTypeIdentityAndTime_InChainOrder()
    {
        await ResetAsync();
        var person = Guid.NewGuid();
        var events = await AppendManyAsync(3, person);
        var other = await AppendAsync(new AuditEntry(AuditEventTypes.IdentityDeleted, Guid.NewGuid()));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var failed = await AppendAsync(new AuditEntry(AuditEventTypes.LoginFailed, person, Details: new JsonObject { ["reason"] = "invalid_credentials" }));

        var byType = await ListAsync(new AuditEventQuery { Types = [AuditEventTypes.LoginFailed, AuditEventTypes.IdentityDeleted] });
        var byIdentity = await ListAsync(new AuditEventQuery { IdentityId = person });
        var window = await ListAsync(new AuditEventQuery { Since = events[1].OccurredAt, Until = other.OccurredAt });
        var combined = await ListAsync(new AuditEventQuery { IdentityId = person, Since = events[2].OccurredAt });

        Assert.Equal([other.Id, failed.Id], byType.Select(r => r.Id));
        Assert.Equal([events[0].Id, events[1].Id, events[2].Id, failed.Id], byIdentity.Select(r => r.Id));
        Assert.Equal([events[1].Id, events[2].Id], window.Select(r => r.Id));
        Assert.Equal([events[2].Id, failed.Id], combined.Select(r => r.Id));
    }

    [SkippableFact]
    public async Task List_PagesByKeyset_WithoutGapsOrRepeats()
    {
        await ResetAsync();
        var events = await AppendManyAsync(7);

        var seen = new List<Guid>();
        long? after = null;
        var pages = 0;
        while (true)
        {
            var page = await ListAsync(new AuditEventQuery { PageSize = 3, AfterSeq = after });
            pages++;
            seen.AddRange(page.Select(r => r.Id));
            if (page.Count < 3)
            {
                break;
            }

            after = page[^1].Seq;
        }

        Assert.Equal(events.Select(e => e.Id), seen);
        Assert.Equal(3, pages);
    }

    [SkippableFact]
    public async Task Stream_ReturnsTheTimeWindow_WithTheStoredEventsIntact()
    {
        await ResetAsync();
        var events = await AppendManyAsync(4);

        await using var db = new DbSession(fixture.Factory);
        var rows = new List<AuditRow>();
        await foreach (var row in new SqlAuditEventReader(db).StreamAsync(events[1].OccurredAt, events[3].OccurredAt, Ct))
        {
            rows.Add(row);
        }

        Assert.Equal([events[1].Id, events[2].Id], rows.Select(r => r.Id));
        Assert.Equal(events[1].OccurredAt, rows[0].OccurredAt);
        Assert.Equal("""{"method":"password","n":1}""", rows[0].Details);
        Assert.Equal(AuditActor.IdentityKind, rows[0].ActorKind);
        Assert.Equal(events[1].IdentityId, rows[0].ActorId);
    }

    [SkippableFact]
    public async Task Retention_PrunesOldestFirst_AndTheChainStillVerifies()
    {
        await ResetAsync();
        var events = new List<AuditEvent>();
        for (var day = 0; day < 5; day++)
        {
            events.Add(await AppendAsync(new AuditEntry(AuditEventTypes.LoginSucceeded, Guid.NewGuid())));
            _clock.Advance(TimeSpan.FromDays(1));
        }

        var pruned = await PruneAsync(TimeSpan.FromDays(3.5));
        var afterPrune = await VerifyAsync();
        var appended = await AppendAsync(new AuditEntry(AuditEventTypes.LoginSucceeded, Guid.NewGuid()));
        var afterAppend = await VerifyAsync();
        var rows = await RowsAsync();

        Assert.Equal(2, pruned);
        Assert.Equal([events[2].Id, events[3].Id, events[4].Id, appended.Id], rows.Select(r => r.Id));
        Assert.True(afterPrune.Ok, afterPrune.Problem);
        Assert.Equal(3, afterPrune.Checked);
        Assert.True(afterAppend.Ok, afterAppend.Problem);
        Assert.Equal(4, afterAppend.Checked);
    }

    [SkippableFact]
    public async Task Retention_KeepsTheNewestEvent_WhenEveryEventIsOld()
    {
        await ResetAsync();
        var events = await AppendManyAsync(3);
        _clock.Advance(TimeSpan.FromDays(30));

        var pruned = await PruneAsync(TimeSpan.FromDays(1));
        var next = await AppendAsync(new AuditEntry(AuditEventTypes.LoginSucceeded, Guid.NewGuid()));
        var rows = await RowsAsync();
        var result = await VerifyAsync();

        Assert.Equal(2, pruned);
        Assert.Equal([events[2].Id, next.Id], rows.Select(r => r.Id));
        Assert.Equal(rows[0].Hash, rows[1].PrevHash);
        Assert.True(result.Ok, result.Problem);
    }

    [SkippableFact]
    public async Task Retention_DeletesInBatches_PastTheBatchSize()
    {
        await ResetAsync();
        await using (var db = new DbSession(fixture.Factory))
        {
            var log = new SqlAuditLog(db, _clock, new Microsoft.AspNetCore.Http.HttpContextAccessor(), [], Microsoft.Extensions.Logging.Abstractions.NullLogger<SqlAuditLog>.Instance);
            await db.RunInTransactionAsync(async c =>
            {
                for (var i = 0; i < AuditRetention.BatchSize + 5; i++)
                {
                    await log.AppendAsync(new AuditEntry(AuditEventTypes.IdentityUpdated), c);
                }
            }, Ct);
        }

        _clock.Advance(TimeSpan.FromDays(2));
        var kept = await AppendAsync(new AuditEntry(AuditEventTypes.IdentityUpdated));

        var pruned = await PruneAsync(TimeSpan.FromDays(1));

        Assert.Equal(AuditRetention.BatchSize + 5, pruned);
        Assert.Equal(kept.Id, Assert.Single(await RowsAsync()).Id);
        Assert.True((await VerifyAsync()).Ok);
    }
}
