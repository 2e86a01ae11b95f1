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
    public async Task WorkerKilledAfterTheServerTookTheMail_SecondWorkerSendsItAgainWithTheSameMessageId_AndNothingElseTwice()
    {
        Skip.If(postgres.Unavailable is not null, postgres.Unavailable);
        await using var smtp = new SlowSmtpServer(TimeSpan.FromMilliseconds(150));
        // The server takes mail 3 but holds its 250: the worker dies not knowing the mail went out.
        smtp.HoldReplyTo(3);

        var (batch, read, tookOver) = await KillFirstWorkerAtTheHoldAsync(smtp);
        using var _ = batch;

        var inFlight = Assert.Single(read, m => m.Recipient == smtp.Mails[2].Recipients[0]);
        var byRecipient = smtp.Mails.GroupBy(m => m.Recipients[0], StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(batch.Recipients.Order(StringComparer.OrdinalIgnoreCase), byRecipient.Keys.Order(StringComparer.OrdinalIgnoreCase));
        Assert.All(byRecipient, r => Assert.Single(r.Value.Select(m => m.MessageId).Distinct()));
        Assert.All(byRecipient.Where(r => r.Key != inFlight.Recipient), r => Assert.Single(r.Value));
        // The uncertain mail is delivered twice as one message: the same Message-ID, which names the courier message.
        Assert.Equal(2, byRecipient[inFlight.Recipient].Count);
        Assert.StartsWith($"<{inFlight.Id}@", byRecipient[inFlight.Recipient][0].MessageId, StringComparison.Ordinal);
        AssertAllSent(read, inFlight);
        Assert.True(tookOver < CourierLease.Duration + TimeSpan.FromSeconds(10), $"the second worker finished {tookOver} after the kill");
    }

    [SkippableFact]
    public async Task WorkerKilledBeforeTheServerTookTheMail_SecondWorkerSendsIt_AndEveryAddressGetsExactlyOneMail()
    {
        Skip.If(postgres.Unavailable is not null, postgres.Unavailable);
        await using var smtp = new SlowSmtpServer(TimeSpan.FromMilliseconds(150));
        // The worker has begun the send of mail 3 (its DATA command is waiting for the 354) when it dies.
        smtp.HoldDataOf(3);

        var (batch, read, tookOver) = await KillFirstWorkerAtTheHoldAsync(smtp);
        using var _ = batch;

        var counts = smtp.CountByRecipient();
        Assert.Equal(batch.Recipients.Order(StringComparer.OrdinalIgnoreCase), counts.Keys.Order(StringComparer.OrdinalIgnoreCase));
        Assert.All(counts, r => Assert.True(r.Value == 1, $"{r.Key} got {r.Value} mails"));
        var inFlight = Assert.Single(read, m => m.Dispatches.Any(d => d.Status == CourierMessageDispatch.Failed));
        AssertAllSent(read, inFlight);
        Assert.True(tookOver < CourierLease.Duration + TimeSpan.FromSeconds(10), $"the second worker finished {tookOver} after the kill");
    }

    private static void AssertAllSent(IReadOnlyList<CourierMessage> read, CourierMessage inFlight)
    {
        Assert.All(read, m => Assert.Equal(CourierMessageStatus.Sent, m.Status));
        Assert.All(read.Where(m => m.Id != inFlight.Id), m => Assert.Equal(1, m.SendCount));
        Assert.Equal(2, inFlight.SendCount);
        Assert.Equal([CourierMessageDispatch.Failed, CourierMessageDispatch.Success], inFlight.Dispatches.OrderBy(d => d.CreatedAt).Select(d => d.Status));
        Assert.Contains("delivery uncertain", inFlight.Dispatches.First(d => d.Status == CourierMessageDispatch.Failed).Error, StringComparison.Ordinal);
    }

    private async Task<(QueuedBatch Batch, IReadOnlyList<CourierMessage> Read, TimeSpan TookOver)> KillFirstWorkerAtTheHoldAsync(SlowSmtpServer smtp)
    {
        var dsn = await postgres.CreateDatabaseAsync();
        var batch = await QueuedBatch.EnqueueAsync(dsn, Count);
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

        // The first worker has claimed mails 1-10 and sent 1 and 2; mail 3 is in flight.
        await first.KillAsync();
        var killed = Stopwatch.StartNew();
        smtp.ReleaseHold();
        await using var second = CustosProcess.Start(["courier", "watch", "-c", config]);
        var read = await batch.WaitUntilAsync(m => m.Status == CourierMessageStatus.Sent, CourierLease.Duration + TimeSpan.FromSeconds(30));
        var tookOver = killed.Elapsed;
        await Task.Delay(smtp.ReplyDelay * 3);
        return (batch, read, tookOver);
    }
}
