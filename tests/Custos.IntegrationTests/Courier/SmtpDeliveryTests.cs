using System.Text.Json.Nodes;
using Custos.Courier;

namespace Custos.IntegrationTests.Courier;

/// <summary>Delivery over plain SMTP to MailDev: the multipart mail, sender and headers, and STARTTLS enforcement.</summary>
public sealed class SmtpDeliveryTests(MailDevServer mail) : IClassFixture<MailDevServer>
{
    [SkippableFact]
    public async Task Mail_HasTextAndHtmlParts_FromNameAndAddress_AndCustomHeaders()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        using var app = CourierSmtpApp.Create($"""
            smtp:
              connection_uri: smtp://127.0.0.1:{mail.SmtpPort}/?disable_starttls=true
              from_address: accounts@example.org
              from_name: Example Accounts
              headers:
                X-Custos-Test: courier-headers
                Reply-To: support@example.org
            """);
        var recipient = $"{Guid.NewGuid():N}@example.com";

        var id = await app.QueueLoginCodeAsync(recipient);
        var message = await app.WaitForAsync(id, m => m.Status == CourierMessageStatus.Sent);
        var email = Assert.Single(await mail.EmailsToAsync(recipient));

        Assert.Equal(CourierMessageStatus.Sent, message.Status);
        var dispatch = Assert.Single(message.Dispatches);
        Assert.Equal(CourierMessageDispatch.Success, dispatch.Status);
        Assert.Null(dispatch.Error);
        Assert.Equal("Use code 424242 to log in", email["subject"]!.GetValue<string>());
        Assert.Contains("424242", email["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("<", email["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("424242</td>", email["html"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("accounts@example.org", email["from"]![0]!["address"]!.GetValue<string>());
        Assert.Equal("Example Accounts", email["from"]![0]!["name"]!.GetValue<string>());
        var headers = email["headers"]!.AsObject();
        Assert.Equal("courier-headers", headers["x-custos-test"]!.GetValue<string>());
        Assert.Contains("support@example.org", headers["reply-to"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.StartsWith("multipart/alternative", headers["content-type"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Smtp_WithoutDisableStartTls_RefusesAServerWithoutStartTls_AndKeepsTheMessageQueued()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        // MailDev never offers STARTTLS: smtp:// must not fall back to clear text.
        using var app = CourierSmtpApp.Create($"""
            smtp:
              connection_uri: smtp://127.0.0.1:{mail.SmtpPort}/
            """);
        var recipient = $"{Guid.NewGuid():N}@example.com";

        var id = await app.QueueLoginCodeAsync(recipient);
        var message = await app.WaitForAsync(id, m => m.SendCount > 0 && m.Dispatches.Count > 0);

        Assert.Equal(CourierMessageStatus.Queued, message.Status);
        var dispatch = Assert.Single(message.Dispatches);
        Assert.Equal(CourierMessageDispatch.Failed, dispatch.Status);
        var error = JsonNode.Parse(dispatch.Error!)!;
        Assert.Contains("STARTTLS", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await mail.EmailsToAsync(recipient));
    }
}
