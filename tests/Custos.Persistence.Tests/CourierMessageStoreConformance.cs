using Custos.Courier;

namespace Custos.Persistence.Tests;

/// <summary>The courier queue behaviour every database must show.</summary>
public abstract partial class CourierMessageStoreConformance(DatabaseFixture fixture)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static DateTime Now()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }

    // Long, so that messages other tests of the shared database claimed stay claimed while a test runs.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private async Task<T> WithStoreAsync<T>(Func<SqlCourierMessageStore, Task<T>> work, TimeProvider? clock = null)
    {
        Skip.If(fixture.Unavailable is not null, fixture.Unavailable);
        await using var db = new DbSession(fixture.Factory);
        return await work(new SqlCourierMessageStore(db, clock ?? TimeProvider.System));
    }

    private async Task WithStoreAsync(Func<SqlCourierMessageStore, Task> work, TimeProvider? clock = null) =>
        await WithStoreAsync(async s => { await work(s); return true; }, clock);

    /// <summary>Claims under <paramref name="lease"/> (a new token when null) for <see cref="Lease"/>, at <paramref name="clock"/>'s time.</summary>
    private Task<IReadOnlyList<CourierMessage>> ClaimAsync(int limit, Guid? lease = null, TimeProvider? clock = null) =>
        WithStoreAsync(s => s.ClaimAsync(limit, lease ?? Guid.NewGuid(), Lease, Ct), clock);

    private static CourierMessage NewMessage(string? recipient = null, DateTime? createdAt = null)
    {
        var now = createdAt ?? Now();
        return new CourierMessage
        {
            Id = Guid.NewGuid(),
            Status = CourierMessageStatus.Queued,
            Type = CourierMessageType.Email,
            Recipient = recipient ?? $"{Guid.NewGuid():N}@example.com",
            Subject = "Use code 123456 to log in",
            Body = "Your code is 123456",
            TemplateType = "login_code_valid",
            Channel = "email",
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }

    private Task<CourierMessage> EnqueueAsync(CourierMessage message) =>
        WithStoreAsync(async s => { await s.EnqueueAsync(message, Ct); return message; });

    // Claims until the queue is empty, so earlier tests' messages in the shared database do not linger.
    private async Task<List<CourierMessage>> DrainAsync()
    {
        var all = new List<CourierMessage>();
        while (await ClaimAsync(100) is { Count: > 0 } batch)
        {
            all.AddRange(batch);
        }

        return all;
    }

    [SkippableFact]
    public async Task Enqueue_ThenGet_RoundTripsAllFields()
    {
        var message = await EnqueueAsync(NewMessage());

        var read = await WithStoreAsync(s => s.GetAsync(message.Id, Ct));

        Assert.NotNull(read);
        Assert.Equivalent(message, read);
        Assert.Null(await WithStoreAsync(s => s.GetAsync(Guid.NewGuid(), Ct)));
    }

    [SkippableFact]
    public async Task List_NewestFirst_FiltersAndKeysetPages()
    {
        var recipient = $"{Guid.NewGuid():N}@example.com";
        var start = Now().AddDays(1);
        var messages = new List<CourierMessage>();
        for (var i = 0; i < 3; i++)
        {
            messages.Add(await EnqueueAsync(NewMessage(recipient, start.AddSeconds(i))));
        }

        var first = await WithStoreAsync(s => s.ListAsync(new CourierListQuery { Recipient = recipient, PageSize = 2 }, Ct));
        var after = new Custos.Sessions.SessionCursor(first[^1].CreatedAt, first[^1].Id);
        var second = await WithStoreAsync(s => s.ListAsync(new CourierListQuery { Recipient = recipient, PageSize = 2, After = after }, Ct));
        var sent = await WithStoreAsync(s => s.ListAsync(new CourierListQuery { Recipient = recipient, Status = CourierMessageStatus.Sent }, Ct));

        Assert.Equal(messages.Select(m => m.Id).Reverse(), first.Concat(second).Select(m => m.Id));
        Assert.Empty(sent);
    }

    [SkippableFact]
    public async Task Claim_MovesOldestQueuedToProcessing_Once()
    {
        await DrainAsync();
        var older = await EnqueueAsync(NewMessage(createdAt: Now().AddSeconds(-1)));
        var newer = await EnqueueAsync(NewMessage());

        var claimed = await ClaimAsync(10);
        var again = await ClaimAsync(10);
        var stored = await WithStoreAsync(s => s.GetAsync(older.Id, Ct));

        Assert.Equal([older.Id, newer.Id], claimed.Select(m => m.Id));
        Assert.All(claimed, m => Assert.Equal(CourierMessageStatus.Processing, m.Status));
        Assert.Empty(again);
        Assert.Equal(CourierMessageStatus.Processing, stored!.Status);
    }

    [SkippableFact]
    public async Task RecordSent_And_Failures_CountAttempts_ThenAbandon()
    {
        await DrainAsync();
        var sent = await EnqueueAsync(NewMessage());
        var failing = await EnqueueAsync(NewMessage());
        var lease = Guid.NewGuid();
        await ClaimAsync(10, lease);

        await WithStoreAsync(s => s.RecordSentAsync(sent.Id, Ct));
        var statuses = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await WithStoreAsync(s => s.RecordFailureAsync(failing.Id, lease, messageRetries: 2, TimeSpan.Zero, """{"code":500}""", Ct)));
            lease = Guid.NewGuid();
            await ClaimAsync(10, lease);
        }

        var sentRead = await WithStoreAsync(s => s.GetAsync(sent.Id, Ct));
        var failedRead = await WithStoreAsync(s => s.GetAsync(failing.Id, Ct));
        Assert.Equal(CourierMessageStatus.Sent, sentRead!.Status);
        Assert.Equal(1, sentRead.SendCount);
        Assert.Equal([CourierMessageDispatch.Success], sentRead.Dispatches.Select(d => d.Status));
        Assert.Equal([CourierMessageStatus.Queued, CourierMessageStatus.Queued, CourierMessageStatus.Abandoned], statuses);
        Assert.Equal(3, failedRead!.SendCount);
        Assert.Equal(3, failedRead.Dispatches.Count(d => d.Status == CourierMessageDispatch.Failed));
        Assert.Null(await WithStoreAsync(s => s.RecordFailureAsync(Guid.NewGuid(), lease, 2, TimeSpan.Zero, "{}", Ct)));
    }

    [SkippableFact]
    public async Task Release_PutsBackWhatWasNotBegun_WithoutCountingAnAttempt()
    {
        await DrainAsync();
        var begun = await EnqueueAsync(NewMessage(createdAt: Now().AddSeconds(-1)));
        var rest = await EnqueueAsync(NewMessage());
        var lease = Guid.NewGuid();
        await ClaimAsync(10, lease);
        await WithStoreAsync(s => s.BeginSendAsync(begun.Id, lease, Ct));

        var released = await WithStoreAsync(s => s.ReleaseAsync(lease, Ct));
        var restRead = await WithStoreAsync(s => s.GetAsync(rest.Id, Ct));
        var begunRead = await WithStoreAsync(s => s.GetAsync(begun.Id, Ct));
        var again = await ClaimAsync(10);

        Assert.Equal(1, released);
        Assert.Equal(CourierMessageStatus.Queued, restRead!.Status);
        Assert.Equal(0, restRead.SendCount);
        Assert.Equal(CourierMessageStatus.Processing, begunRead!.Status);
        Assert.Equal([rest.Id], again.Select(m => m.Id));
    }

    [SkippableFact]
    public async Task ConcurrentClaimers_NeverGetTheSameMessage()
    {
        await DrainAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 60; i++)
        {
            ids.Add((await EnqueueAsync(NewMessage())).Id);
        }

        var claimers = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            while (await ClaimAsync(3) is { Count: > 0 } batch)
            {
                mine.AddRange(batch.Select(m => m.Id));
            }

            return mine;
        })).ToArray();
        var claimed = (await Task.WhenAll(claimers)).SelectMany(m => m).ToList();

        Assert.Equal(claimed.Count, claimed.Distinct().Count());
        Assert.Equal(ids.Order(), claimed.Order());
    }
}

public sealed class SqliteCourierMessageStoreTests(SqliteFixture fixture) : CourierMessageStoreConformance(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresCourierMessageStoreTests(PostgresFixture fixture) : CourierMessageStoreConformance(fixture), IClassFixture<PostgresFixture>;
