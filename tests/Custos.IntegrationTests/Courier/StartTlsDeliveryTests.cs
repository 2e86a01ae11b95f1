using Custos.Courier;

namespace Custos.IntegrationTests.Courier;

/// <summary>
/// <c>smtp://</c> with STARTTLS against a server that refuses mail in clear text (<see cref="StartTlsSmtpServer"/>): a
/// delivered mail therefore went over TLS.
/// </summary>
public sealed class StartTlsDeliveryTests(StartTlsSmtpServer mail) : IClassFixture<StartTlsSmtpServer>
{
    [SkippableFact]
    public async Task StartTls_WithSkipSslVerify_Delivers()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        using var app = CourierSmtpApp.Create($"""
            smtp:
              connection_uri: smtp://127.0.0.1:{mail.SmtpPort}/?skip_ssl_verify=true
              from_address: tls@example.org
              from_name: Custos Accounts
            """);
        var recipient = $"{Guid.NewGuid():N}@example.com";

        var id = await app.QueueLoginCodeAsync(recipient);
        var message = await app.WaitForAsync(id, m => m.Status == CourierMessageStatus.Sent);

        Assert.Equal(CourierMessageStatus.Sent, message.Status);
        var received = Assert.Single(await mail.MailsToAsync(recipient));
        Assert.Equal("Use code 424242 to log in", received.Subject);
        Assert.Contains("424242", received.Text, StringComparison.Ordinal);
        Assert.Contains("424242", received.Html, StringComparison.Ordinal);
        Assert.Contains("tls@example.org", received.Headers["From"], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task StartTls_WithAnUntrustedCertificate_IsRefused_AndTheMessageStaysQueued()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        using var app = CourierSmtpApp.Create($"""
            smtp:
              connection_uri: smtp://127.0.0.1:{mail.SmtpPort}/
            """);
        var recipient = $"{Guid.NewGuid():N}@example.com";

        var id = await app.QueueLoginCodeAsync(recipient);
        var message = await app.WaitForAsync(id, m => m.Dispatches.Count > 0);

        Assert.Equal(CourierMessageStatus.Queued, message.Status);
        Assert.Contains("TLS handshake", message.Dispatches[0].Error, StringComparison.Ordinal);
        Assert.Empty(await mail.MailsToAsync(recipient));
    }

    [SkippableFact]
    public async Task DisableStartTls_SendsInClearText_WhichThisServerRefusesPermanently()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        using var app = CourierSmtpApp.Create($"""
            smtp:
              connection_uri: smtp://127.0.0.1:{mail.SmtpPort}/?disable_starttls=true
            """);
        var recipient = $"{Guid.NewGuid():N}@example.com";

        var id = await app.QueueLoginCodeAsync(recipient);
        var message = await app.WaitForAsync(id, m => m.Status == CourierMessageStatus.Abandoned && m.Dispatches.Count > 0);

        Assert.Equal(CourierMessageStatus.Abandoned, message.Status);
        Assert.Contains("530", Assert.Single(message.Dispatches).Error, StringComparison.Ordinal);
        Assert.Empty(await mail.MailsToAsync(recipient));
    }
}
