using Custos.Courier;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Courier;

/// <summary>The SMTP password and the DKIM private key never reach a log line or a stored dispatch error.</summary>
public sealed class SmtpSecretsTests(SecureMailDevServer mail) : IClassFixture<SecureMailDevServer>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("custos-smtp-secrets-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableFact]
    public async Task RefusedPassword_WithDkimSigning_LeavesNeitherSecretInLogsOrErrors()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        const string password = "Wr0ng-but-s3cret-PASSWORD";
        var key = DkimTestKey.Rsa(_dir, "example.org", "sel");
        var logs = new CapturedLogs();
        using var app = CourierSmtpApp.Create($"""
            smtp:
              connection_uri: smtps://courier:{password}@127.0.0.1:{mail.SmtpPort}/?skip_ssl_verify=true
              dkim:
                domain: example.org
                selector: sel
                private_key_path: {key.PrivateKeyPath}
            """);
        app.ReplaceServices = logs.AddTo;

        var id = await app.QueueLoginCodeAsync($"{Guid.NewGuid():N}@example.com");
        var message = await app.WaitForAsync(id, m => m.Status == CourierMessageStatus.Abandoned && m.Dispatches.Count > 0);

        var error = Assert.Single(message.Dispatches).Error!;
        Assert.Contains("refused the credentials", error, StringComparison.Ordinal);
        await logs.WaitForLineAsync(l => l.Contains("refused the credentials", StringComparison.Ordinal));
        var keyLines = File.ReadAllLines(key.PrivateKeyPath).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)).ToList();
        foreach (var secret in keyLines.Prepend(password))
        {
            Assert.DoesNotContain(secret, error, StringComparison.Ordinal);
            Assert.DoesNotContain(logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }
}
