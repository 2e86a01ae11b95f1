using System.Diagnostics;
using Custos.Courier;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Courier;

/// <summary>
/// The <c>--watch-courier</c> worker on a PostgreSQL server that is restarted (<c>pg_ctl restart -m fast</c>, which cuts
/// every connection) while a batch is being sent over a slow SMTP server.
/// </summary>
public sealed class CourierDatabaseRestartTests(ThrowawayPostgres postgres) : IClassFixture<ThrowawayPostgres>
{
    private const int Count = 20;

    [SkippableFact]
    public async Task PostgresRestartedDuringASend_EveryAddressGetsExactlyOneMail_AndTheBatchEndsSentWithinSeconds()
    {
        Skip.If(postgres.Unavailable is not null, postgres.Unavailable);
        var dsn = await postgres.CreateDatabaseAsync();
        using var batch = await QueuedBatch.EnqueueAsync(dsn, Count);
        await using var smtp = new SlowSmtpServer(TimeSpan.FromMilliseconds(150));
        // The third mail of the first batch of 10 is taken; its 250 waits until the database has restarted, so the
        // worker learns of the sent mail only when all its connections are dead.
        smtp.HoldReplyTo(3);
        using var app = new CustosAppFactory
        {
            Dsn = dsn,
            WatchCourier = true,
            ExtraYaml = $"""
                courier:
                  smtp:
                    connection_uri: smtp://127.0.0.1:{smtp.Port}/?disable_starttls=true
                    from_address: custos@example.org
                  worker:
                    pull_wait: 100ms
                """,
        };
        app.Admin();
        await smtp.Held.WaitAsync(TimeSpan.FromSeconds(30));

        await postgres.RestartAsync();
        var back = Stopwatch.StartNew();
        smtp.ReleaseHold();
        var read = await batch.WaitUntilAsync(m => m.Status == CourierMessageStatus.Sent, TimeSpan.FromSeconds(30));
        var took = back.Elapsed;
        await Task.Delay(smtp.ReplyDelay * 3);

        Assert.Equal(batch.Recipients.Order(), smtp.CountByRecipient().Keys.Order());
        Assert.All(smtp.CountByRecipient(), r => Assert.True(r.Value == 1, $"{r.Key} got {r.Value} mails"));
        Assert.All(read, m => Assert.Equal(CourierMessageStatus.Sent, m.Status));
        Assert.All(read, m => Assert.Equal(1, m.SendCount));
        Assert.All(read, m => Assert.Equal([CourierMessageDispatch.Success], m.Dispatches.Select(d => d.Status)));
        // 17 mails at 150 ms each are left after the restart: about 3 s of sending.
        Assert.True(took < TimeSpan.FromSeconds(10), $"the batch took {took} after the database came back");
    }
}
