using Custos.Courier;

namespace Custos.IntegrationTests.Courier;

/// <summary>Implicit TLS (<c>smtps://</c>) with a self-signed certificate and authentication, against MailDev.</summary>
public sealed class SmtpsDeliveryTests(SecureMailDevServer mail) : IClassFixture<SecureMailDevServer>
{
    private const string Credentials = "courier:s3cret%3Apass%40word";

    [SkippableFact]
    public async Task UntrustedCertificate_IsRefused_AndTheMessageIsRetriedLater()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        using var app = CourierSmtpApp.Create($"""
            smtp:
              connection_uri: smtps://{Credentials}@127.0.0.1:{mail.SmtpPort}/
            """);
        var recipient = $"{Guid.NewGuid():N}@example.com";

        var id = await app.QueueLoginCodeAsync(recipient);
        var message = await app.WaitForAsync(id, m => m.Dispatches.Count > 0);

        Assert.Equal(CourierMessageStatus.Queued, message.Status);
        Assert.Equal(1, message.SendCount);
        Assert.Contains("TLS handshake", Assert.Single(message.Dispatches).Error, StringComparison.Ordinal);
        Assert.Empty(await mail.EmailsToAsync(recipient));
    }

    [SkippableFact]
    public async Task SkipSslVerify_WithCredentials_Delivers()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        using var app = CourierSmtpApp.Create($"""
            smtp:
              connection_uri: smtps://{Credentials}@127.0.0.1:{mail.SmtpPort}/?skip_ssl_verify=true
              from_address: tls@example.org
            """);
        var recipient = $"{Guid.NewGuid():N}@example.com";

        var id = await app.QueueLoginCodeAsync(recipient);
        var message = await app.WaitForAsync(id, m => m.Status == CourierMessageStatus.Sent);

        Assert.Equal(CourierMessageStatus.Sent, message.Status);
        var email = Assert.Single(await mail.EmailsToAsync(recipient));
        Assert.Equal("Use code 424242 to log in", email["subject"]!.GetValue<string>());
        Assert.Contains("424242", email["html"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task WrongPassword_IsAPermanentFailure_AndAbandonsTheMessage()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        using var app = CourierSmtpApp.Create($"""
            smtp:
              connection_uri: smtps://courier:wrong@127.0.0.1:{mail.SmtpPort}/?skip_ssl_verify=true
            """);
        var recipient = $"{Guid.NewGuid():N}@example.com";

        var id = await app.QueueLoginCodeAsync(recipient);
        var message = await app.WaitForAsync(id, m => m.Status == CourierMessageStatus.Abandoned && m.Dispatches.Count > 0);

        Assert.Equal(CourierMessageStatus.Abandoned, message.Status);
        Assert.Equal(CourierMessageDispatch.Failed, Assert.Single(message.Dispatches).Status);
        Assert.Empty(await mail.EmailsToAsync(recipient));
    }
}
