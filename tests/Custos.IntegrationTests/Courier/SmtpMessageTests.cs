using System.Text.Json.Nodes;
using Custos.Courier;
using Custos.Courier.Channels;
using Custos.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.Courier;

/// <summary>What MailDev sees of a courier mail beyond its content: Message-ID, EHLO name, envelope recipients.</summary>
public sealed class SmtpMessageTests(MailDevServer mail) : IClassFixture<MailDevServer>
{
    private CustosAppFactory App(string extraSmtpYaml = "") => CourierSmtpApp.Create($"""
        smtp:
          connection_uri: smtp://127.0.0.1:{mail.SmtpPort}/?disable_starttls=true
          from_address: accounts@example.org
        """ + extraSmtpYaml);

    private async Task<List<JsonNode>> EnvelopesToAsync(string recipient) =>
        (await mail.EmailsAsync())
            .Where(m => m!["envelope"]!["to"]!.AsArray().Any(t => t!["address"]!.GetValue<string>() == recipient))
            .Select(m => m!)
            .ToList();

    [SkippableFact]
    public async Task Mail_CarriesTheCourierMessageId_AtTheSenderDomain()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        using var app = App();
        var recipient = $"{Guid.NewGuid():N}@example.com";

        var id = await app.QueueLoginCodeAsync(recipient);
        await app.WaitForAsync(id, m => m.Status == CourierMessageStatus.Sent);
        var email = Assert.Single(await mail.EmailsToAsync(recipient));

        Assert.Equal($"<{id}@example.org>", email["headers"]!["message-id"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task SendingTheSameCourierMessageTwice_RepeatsItsMessageId()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        using var app = App();
        app.Admin();
        var channel = app.Services.GetRequiredService<SmtpChannel>();
        var recipient = $"{Guid.NewGuid():N}@example.com";
        var message = new CourierMessage
        {
            Id = Guid.NewGuid(),
            Status = CourierMessageStatus.Processing,
            Type = CourierMessageType.Email,
            Recipient = recipient,
            Subject = "Your code",
            Body = "424242",
            TemplateType = "login_code_valid",
            CreatedAt = DateTime.UtcNow,
        };

        await channel.DispatchAsync(message, CancellationToken.None);
        await channel.DispatchAsync(message, CancellationToken.None);
        var ids = (await mail.WaitForEmailsToAsync(recipient, count: 2)).Select(e => e["headers"]!["message-id"]!.GetValue<string>()).ToList();

        Assert.Equal([$"<{message.Id}@example.org>", $"<{message.Id}@example.org>"], ids);
    }

    [SkippableFact]
    public async Task LocalName_IsTheEhloName()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        using var app = App("\n  local_name: courier.custos.example");
        var recipient = $"{Guid.NewGuid():N}@example.com";

        var id = await app.QueueLoginCodeAsync(recipient);
        await app.WaitForAsync(id, m => m.Status == CourierMessageStatus.Sent);
        var email = Assert.Single(await mail.EmailsToAsync(recipient));

        Assert.Equal("courier.custos.example", email["envelope"]!["host"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task InternationalRecipient_IsDeliveredWithSmtpUtf8()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        using var app = App();
        var recipient = $"jürgen.{Guid.NewGuid():N}@bücher.example";

        var id = await app.QueueLoginCodeAsync(recipient);
        var message = await app.WaitForAsync(id, m => m.Status == CourierMessageStatus.Sent || m.Dispatches.Count > 0);
        var envelope = Assert.Single(await EnvelopesToAsync(recipient))["envelope"]!;

        Assert.Equal(CourierMessageStatus.Sent, message.Status);
        Assert.True(envelope["from"]!["args"]!["SMTPUTF8"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task CcAndBccHeaders_AreDelivered_AndBccIsNotShown()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        var (cc, bcc) = ($"cc.{Guid.NewGuid():N}@example.com", $"bcc.{Guid.NewGuid():N}@example.com");
        using var app = App($"\n  headers:\n    Cc: {cc}\n    Bcc: {bcc}");
        var recipient = $"{Guid.NewGuid():N}@example.com";

        var id = await app.QueueLoginCodeAsync(recipient);
        await app.WaitForAsync(id, m => m.Status == CourierMessageStatus.Sent);
        var email = Assert.Single(await EnvelopesToAsync(bcc));
        var source = System.Text.Encoding.UTF8.GetString(await mail.SourceAsync(email["id"]!.GetValue<string>()));

        var envelope = email["envelope"]!["to"]!.AsArray().Select(t => t!["address"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { recipient, cc, bcc }.Order(StringComparer.Ordinal), envelope);
        Assert.Contains($"Cc: {cc}", source, StringComparison.Ordinal);
        Assert.DoesNotContain(bcc, source, StringComparison.Ordinal);
    }
}
