using Custos.SelfService.Hooks.WebHooks;
using Custos.SelfService.Hooks.WebHooks.Deliveries;

namespace Custos.Persistence.Tests;

/// <summary>The queue of <c>response.ignore</c> web hooks on every database: leases, retries, abandonment, parallel claimers.</summary>
public abstract class WebHookDeliveryStoreConformance(DatabaseFixture fixture)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    // Long, so that deliveries other tests of the shared database claimed stay claimed while a test runs.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }

    private async Task<T> WithStoreAsync<T>(Func<SqlWebHookDeliveryStore, Task<T>> work, TimeProvider? clock = null)
    {
        Skip.If(fixture.Unavailable is not null, fixture.Unavailable);
        await using var db = new DbSession(fixture.Factory);
        return await work(new SqlWebHookDeliveryStore(db, clock ?? TimeProvider.System));
    }

    private Task<IReadOnlyList<WebHookDelivery>> ClaimAsync(int limit, Guid? lease = null, TimeProvider? clock = null) =>
        WithStoreAsync(s => s.ClaimAsync(limit, lease ?? Guid.NewGuid(), Lease, Ct), clock);

    private static WebHookDelivery NewDelivery()
    {
        var now = DateTime.UtcNow;
        var request = new WebHookRequest("POST", "https://hooks.example.com/registered", [new("Authorization", "Basic aG9vazpzM2NyZXQ="), new("X-Custom", "a")],
            WebHookContentTypes.Json, """{"identity_id":"x"}""", true, "crm");
        return WebHookDelivery.Queue(request, new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc));
    }

    private async Task<WebHookDelivery> EnqueueAsync()
    {
        var delivery = NewDelivery();
        await WithStoreAsync(async s => { await s.EnqueueAsync(delivery, Ct); return true; });
        return delivery;
    }

    private async Task DrainAsync()
    {
        while (await ClaimAsync(100) is { Count: > 0 })
        {
        }
    }

    [SkippableFact]
    public async Task Enqueue_ThenGet_RoundTripsTheRequest()
    {
        var delivery = await EnqueueAsync();

        var read = await WithStoreAsync(s => s.GetAsync(delivery.Id, Ct));

        Assert.NotNull(read);
        Assert.Equal(WebHookDeliveryStatus.Queued, read.Status);
        Assert.Equal("crm", read.HookId);
        Assert.Equal(delivery.Request!.Body, read.Request!.Body);
        Assert.Equal(delivery.Request.Headers, read.Request.Headers);
        Assert.Equal(
            (delivery.Request.Method, delivery.Request.Url, delivery.Request.ContentType, delivery.Request.EmitAnalyticsEvent, delivery.Request.HookId),
            (read.Request.Method, read.Request.Url, read.Request.ContentType, read.Request.EmitAnalyticsEvent, read.Request.HookId));
        Assert.Equal(delivery.CreatedAt, read.CreatedAt);
    }

    [SkippableFact]
    public async Task Claim_HoldsALease_TakenOverOnlyOnceItExpired()
    {
        await DrainAsync();
        var delivery = await EnqueueAsync();
        var first = Guid.NewGuid();

        var held = await ClaimAsync(100, first);
        var whileHeld = await ClaimAsync(100);
        var takenOver = await ClaimAsync(100, clock: new ShiftedClock(Lease + TimeSpan.FromMinutes(1)));
        var lateRecord = await WithStoreAsync(s => s.CompleteAsync(delivery.Id, first, Ct));

        Assert.Contains(held, d => d.Id == delivery.Id);
        Assert.DoesNotContain(whileHeld, d => d.Id == delivery.Id);
        Assert.Contains(takenOver, d => d.Id == delivery.Id);
        Assert.False(lateRecord);
    }

    [SkippableFact]
    public async Task Failure_QueuesAgainForLater_AndCountsTheAttempt()
    {
        await DrainAsync();
        var delivery = await EnqueueAsync();
        var lease = Guid.NewGuid();
        await ClaimAsync(100, lease);

        var recorded = await WithStoreAsync(s => s.RecordFailureAsync(delivery.Id, lease, "the web hook answered 503", DateTime.UtcNow.AddMinutes(5), Ct));
        var tooEarly = await ClaimAsync(100);
        var due = await ClaimAsync(100, clock: new ShiftedClock(TimeSpan.FromMinutes(6)));

        Assert.True(recorded);
        Assert.DoesNotContain(tooEarly, d => d.Id == delivery.Id);
        var again = Assert.Single(due, d => d.Id == delivery.Id);
        Assert.Equal(1, again.Attempts);
        Assert.Equal("the web hook answered 503", again.LastError);
    }

    [SkippableFact]
    public async Task Abandoned_IsNeverClaimedAgain_AndForgetsTheRequest()
    {
        await DrainAsync();
        var delivery = await EnqueueAsync();
        var lease = Guid.NewGuid();
        await ClaimAsync(100, lease);

        await WithStoreAsync(s => s.RecordFailureAsync(delivery.Id, lease, "refused", null, Ct));
        var later = await ClaimAsync(100, clock: new ShiftedClock(TimeSpan.FromDays(1)));
        var read = await WithStoreAsync(s => s.GetAsync(delivery.Id, Ct));

        Assert.DoesNotContain(later, d => d.Id == delivery.Id);
        Assert.Equal(WebHookDeliveryStatus.Abandoned, read!.Status);
        Assert.Null(read.Request);
        Assert.Equal(delivery.Url, read.Url);
    }

    [SkippableFact]
    public async Task Complete_DeletesTheDelivery_AndRelease_GivesClaimsBack()
    {
        await DrainAsync();
        var done = await EnqueueAsync();
        var cutShort = await EnqueueAsync();
        var lease = Guid.NewGuid();
        await ClaimAsync(100, lease);

        var completed = await WithStoreAsync(s => s.CompleteAsync(done.Id, lease, Ct));
        var released = await WithStoreAsync(s => s.ReleaseAsync(lease, Ct));
        var reclaimed = await ClaimAsync(100);

        Assert.True(completed);
        Assert.Null(await WithStoreAsync(s => s.GetAsync(done.Id, Ct)));
        Assert.Equal(1, released);
        Assert.Equal([cutShort.Id], reclaimed.Select(d => d.Id));
    }

    [SkippableFact]
    public async Task ParallelClaimers_EachDeliveryIsClaimedExactlyOnce()
    {
        await DrainAsync();
        var queued = new List<Guid>();
        for (var i = 0; i < 50; i++)
        {
            queued.Add((await EnqueueAsync()).Id);
        }

        var claimers = Enumerable.Range(0, 50).Select(_ => Task.Run(() => ClaimAsync(3)));
        var claimed = (await Task.WhenAll(claimers)).SelectMany(d => d).Select(d => d.Id).ToList();

        Assert.Equal(claimed.Count, claimed.Distinct().Count());
        Assert.Equal(queued.Order(), claimed.Where(queued.Contains).Order());
    }
}

public sealed class SqliteWebHookDeliveryStoreTests(SqliteFixture fixture) : WebHookDeliveryStoreConformance(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresWebHookDeliveryStoreTests(PostgresFixture fixture) : WebHookDeliveryStoreConformance(fixture), IClassFixture<PostgresFixture>;
