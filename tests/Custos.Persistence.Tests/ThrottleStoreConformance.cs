using Custos.Security.Throttling;
using Dapper;

namespace Custos.Persistence.Tests;

/// <summary>The throttling counters: fixed windows, check-and-count under contention, clearing by subject, hashed keys.</summary>
public abstract class ThrottleStoreConformance(DatabaseFixture fixture)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly ThrottleRule Three = new("login_identifier", 3, TimeSpan.FromMinutes(15));
    private static readonly ThrottleRule Ceiling = new("login_identifier_ceiling", 5, TimeSpan.FromHours(1));

    private static ThrottleKey NewKey(ThrottleRule rule, string? subject = null) => new(rule, Guid.NewGuid().ToString("N"), subject);

    private async Task<T> WithStoreAsync<T>(Func<IThrottleStore, Task<T>> work)
    {
        Skip.If(fixture.Unavailable is not null, fixture.Unavailable);
        await using var db = new DbSession(fixture.Factory);
        return await work(new SqlThrottleStore(db));
    }

    [SkippableFact]
    public async Task TryTake_CountsUpToTheLimit_ThenRefusesWithoutCounting()
    {
        var key = NewKey(Three);

        var takes = new List<ThrottleTake>();
        for (var i = 0; i < 5; i++)
        {
            takes.Add(await WithStoreAsync(s => s.TryTakeAsync(key, Now.AddSeconds(i), Ct)));
        }

        Assert.Equal([true, true, true, false, false], takes.Select(t => t.Allowed));
        Assert.Equal([1, 2, 3, 3, 3], takes.Select(t => t.Count.Count));
        Assert.All(takes, t => Assert.Equal(Now + Three.Window, t.Count.ExpiresAt));
        Assert.Equal(895, takes[4].Count.RetryAfterSeconds(Now.AddSeconds(5)));
        Assert.Equal([false, false, true, false, false], takes.Select(t => t.Allowed && t.Count.JustExhausted));
    }

    [SkippableFact]
    public async Task AWindowThatEnded_StartsAgainAtOne()
    {
        var key = NewKey(Three);
        for (var i = 0; i < 3; i++)
        {
            await WithStoreAsync(s => s.TryTakeAsync(key, Now, Ct));
        }

        var justBefore = await WithStoreAsync(s => s.TryTakeAsync(key, Now + Three.Window - TimeSpan.FromMilliseconds(1), Ct));
        var after = await WithStoreAsync(s => s.TryTakeAsync(key, Now + Three.Window, Ct));
        var readAfter = await WithStoreAsync(s => s.ReadAsync([key], Now + Three.Window, Ct));

        Assert.False(justBefore.Allowed);
        Assert.True(after.Allowed);
        Assert.Equal(1, after.Count.Count);
        Assert.Equal(Now + Three.Window + Three.Window, Assert.Single(readAfter).ExpiresAt);
    }

    [SkippableFact]
    public async Task Increment_CountsSeveralKeysInOneStatement_PastTheLimit_AndReadSkipsExpiredOnes()
    {
        var pair = NewKey(Three, "s");
        var ceiling = NewKey(Ceiling, "s");
        var absent = NewKey(Three);

        IReadOnlyList<ThrottleCount> last = [];
        for (var i = 0; i < 4; i++)
        {
            last = await WithStoreAsync(s => s.IncrementAsync([pair, ceiling], Now, Ct));
        }

        var read = await WithStoreAsync(s => s.ReadAsync([pair, ceiling, absent], Now.AddMinutes(20), Ct));

        Assert.Equal([4, 4], last.Select(c => c.Count));
        Assert.True(last[0].Exhausted);
        Assert.False(last[1].Exhausted);
        var live = Assert.Single(read);
        Assert.Same(ceiling, live.Key);
        Assert.Equal(4, live.Count);
    }

    [SkippableFact]
    public async Task FiftyParallelTakes_AllowExactlyTheLimit()
    {
        var key = NewKey(new ThrottleRule("registration_address", 20, TimeSpan.FromHours(1)));

        var takes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => WithStoreAsync(s => s.TryTakeAsync(key, Now, Ct)))));
        var read = await WithStoreAsync(s => s.ReadAsync([key], Now, Ct));

        Assert.Equal(20, takes.Count(t => t.Allowed));
        Assert.Equal(20, Assert.Single(read).Count);
        Assert.Single(takes, t => t.Allowed && t.Count.JustExhausted);
    }

    [SkippableFact]
    public async Task FiftyParallelIncrements_LoseNone()
    {
        var key = NewKey(Ceiling);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => WithStoreAsync(s => s.IncrementAsync([key], Now, Ct)))));
        var read = await WithStoreAsync(s => s.ReadAsync([key], Now, Ct));

        Assert.Equal(50, Assert.Single(read).Count);
    }

    [SkippableFact]
    public async Task ClearSubjects_DeletesEveryCounterOfTheSubject_AndNoOther()
    {
        var subject = Guid.NewGuid().ToString("N");
        var pairA = NewKey(Three, subject);
        var pairB = NewKey(Three, subject);
        var ceiling = NewKey(Ceiling, subject);
        var other = NewKey(Three, "someone-else");
        await WithStoreAsync(s => s.IncrementAsync([pairA, pairB, ceiling, other], Now, Ct));

        var cleared = await WithStoreAsync(s => s.ClearSubjectsAsync([subject], Ct));
        var left = await WithStoreAsync(s => s.ReadAsync([pairA, pairB, ceiling, other], Now, Ct));
        var deleted = await WithStoreAsync(s => s.DeleteAsync([other], Ct));

        Assert.Equal(3, cleared);
        Assert.Same(other, Assert.Single(left).Key);
        Assert.Equal(1, deleted);
    }

    [SkippableFact]
    public async Task DeleteExpired_RemovesOnlyEndedWindows()
    {
        var old = NewKey(Three);
        var live = NewKey(Ceiling);
        await WithStoreAsync(s => s.IncrementAsync([old], Now.AddDays(-30), Ct));
        await WithStoreAsync(s => s.IncrementAsync([live], Now.AddDays(-30).AddMinutes(30), Ct));

        var deleted = await WithStoreAsync(s => s.DeleteExpiredAsync(Now.AddDays(-30).AddMinutes(20), Ct));
        await using var db = new DbSession(fixture.Factory);
        var connection = await db.ConnectionAsync(Ct);
        var remaining = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM throttle_counters WHERE key_hash = @a OR key_hash = @b", new { a = old.Hash, b = live.Hash }));

        Assert.True(deleted >= 1);
        Assert.Equal(1, remaining);
    }
}

public sealed class SqliteThrottleStoreTests(SqliteFixture fixture) : ThrottleStoreConformance(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresThrottleStoreTests(PostgresFixture fixture) : ThrottleStoreConformance(fixture), IClassFixture<PostgresFixture>;
