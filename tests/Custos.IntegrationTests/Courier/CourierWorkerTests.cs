using Custos.Courier;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Courier;

/// <summary>The <c>--watch-courier</c> worker delivering over SMTP to MailDev.</summary>
public sealed class CourierWorkerTests(MailDevServer mail) : IClassFixture<MailDevServer>
{
    private static CustosAppFactory App(int smtpPort, string pullWait = "100ms") => new()
    {
        WatchCourier = true,
        ExtraYaml = $"""
            courier:
              smtp:
                connection_uri: smtp://127.0.0.1:{smtpPort}/?disable_starttls=true
                from_address: custos@example.org
                from_name: Custos Tests
              worker:
                pull_wait: {pullWait}
            """,
    };

    private static async Task<CourierMessage?> WaitForStatusAsync(CustosAppFactory app, Guid id, string status)
    {
        CourierMessage? read = null;
        for (var i = 0; i < 100; i++)
        {
            await app.WithStoreAsync(async s => read = await s.GetAsync(id, CancellationToken.None));
            if (read?.Status == status)
            {
                break;
            }

            await Task.Delay(100);
        }

        return read;
    }

    [SkippableFact]
    public async Task QueuedMessage_IsDeliveredOnce_AndMarkedSent()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        using var app = App(mail.SmtpPort);
        var recipient = $"{Guid.NewGuid():N}@example.com";
        var message = await app.EnqueueAsync(recipient, subject: "Use code 777777 to log in");

        var read = await WaitForStatusAsync(app, message.Id, CourierMessageStatus.Sent);
        await Task.Delay(500);
        var delivered = (await mail.EmailsAsync())
            .Where(m => m!["to"]!.AsArray().Any(t => t!["address"]!.GetValue<string>() == recipient)).ToList();

        Assert.Equal(CourierMessageStatus.Sent, read!.Status);
        Assert.Equal(1, read.SendCount);
        var email = Assert.Single(delivered);
        Assert.Equal("Use code 777777 to log in", email!["subject"]!.GetValue<string>());
        Assert.Contains("424242", email["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("custos@example.org", email["from"]!.AsArray()[0]!["address"]!.GetValue<string>());
        Assert.Equal("Custos Tests", email["from"]!.AsArray()[0]!["name"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task WithTheSmtpServerDown_TheMessageStaysQueued_AndCountsAttempts()
    {
        // A long pull_wait keeps the message out of the next claim while it is inspected.
        using var app = App(MailDevServer.FreePort(), pullWait: "5s");
        var message = await app.EnqueueAsync($"{Guid.NewGuid():N}@example.com");

        CourierMessage? read = null;
        for (var i = 0; i < 100 && read is not { SendCount: > 0 }; i++)
        {
            await Task.Delay(100);
            await app.WithStoreAsync(async s => read = await s.GetAsync(message.Id, CancellationToken.None));
        }

        Assert.Equal(CourierMessageStatus.Queued, read!.Status);
        Assert.True(read.SendCount >= 1);
    }
}
