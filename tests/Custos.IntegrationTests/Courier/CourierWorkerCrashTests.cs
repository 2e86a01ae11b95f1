using System.Diagnostics;
using Custos.Courier;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Courier;

/// <summary>
/// Two <c>custos courier watch</c> processes on one PostgreSQL database: the first is killed (SIGKILL) in the middle of
/// a batch, the second takes over its claims once their lease lapses.
/// </summary>
public sealed class CourierWorkerCrashTests(ThrowawayPostgres postgres) : IClassFixture<ThrowawayPostgres>, IDisposable
{
    private const int Count = 20;
    private readonly string _dir = Directory.CreateTempSubdirectory("custos-crash-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableFact]
    public async Task WorkerKilledDuringASend_SecondWorkerTakesOverWithinTheLease_AndNoAddressGetsTwoMails()
    {
        Skip.If(postgres.Unavailable is not null, postgres.Unavailable);
        var dsn = await postgres.CreateDatabaseAsync();
        using var batch = await QueuedBatch.EnqueueAsync(dsn, Count);
        await using var smtp = new SlowSmtpServer(TimeSpan.FromMilliseconds(150));
        smtp.HoldReplyTo(3);
        var config = Path.Combine(_dir, "kratos.yml");
        await File.WriteAllTextAsync(config, $"""
            dsn: "{dsn}"
            selfservice:
              default_browser_return_url: http://127.0.0.1:4455/
            identity:
              schemas:
                - id: default
                  url: builtin://default
            courier:
              smtp:
                connection_uri: smtp://127.0.0.1:{smtp.Port}/?disable_starttls=true
                from_address: custos@example.com
              worker:
                pull_wait: 200ms
            """);
        await using var first = CustosProcess.Start(["courier", "watch", "-c", config]);
        await smtp.Held.WaitAsync(TimeSpan.FromSeconds(30));

        // The first worker has claimed mails 1-10, sent 1 and 2, and the server has taken mail 3 but not yet answered.
        await first.KillAsync();
        var killed = Stopwatch.StartNew();
        smtp.ReleaseHold();
        await using var second = CustosProcess.Start(["courier", "watch", "-c", config]);
        var read = await batch.WaitUntilAsync(
            m => m.Status is CourierMessageStatus.Sent or CourierMessageStatus.Abandoned, CourierLease.Duration + TimeSpan.FromSeconds(30));
        var tookOver = killed.Elapsed;
        await Task.Delay(smtp.ReplyDelay * 3);

        var counts = smtp.CountByRecipient();
        Assert.Equal(batch.Recipients.Order(), counts.Keys.Order());
        Assert.All(counts, r => Assert.True(r.Value == 1, $"{r.Key} got {r.Value} mails\n{second.Stdout}{second.Stderr}"));
        // The mail in flight when the worker died is the one uncertain message: taken by the server once, never resent.
        var inFlight = Assert.Single(read, m => m.Recipient == smtp.Mails[2].Recipients[0]);
        Assert.Equal(CourierMessageStatus.Abandoned, inFlight.Status);
        Assert.Contains("delivery uncertain", Assert.Single(inFlight.Dispatches).Error, StringComparison.Ordinal);
        Assert.All(read.Where(m => m.Id != inFlight.Id), m => Assert.Equal(CourierMessageStatus.Sent, m.Status));
        Assert.All(read.Where(m => m.Id != inFlight.Id), m => Assert.Equal(1, m.SendCount));
        Assert.True(tookOver < CourierLease.Duration + TimeSpan.FromSeconds(10), $"the second worker finished {tookOver} after the kill");
    }
}
