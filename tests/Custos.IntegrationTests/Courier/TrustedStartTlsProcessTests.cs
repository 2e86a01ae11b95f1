using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Courier;

/// <summary>
/// STARTTLS with certificate verification on: <c>custos serve --watch-courier</c> as a process whose trust store
/// (<c>SSL_CERT_FILE</c>) holds only the test server's certificate, so verification succeeds for the right name and
/// fails for a wrong <c>server_name</c>; a <c>server_name</c> the certificate carries (<c>localhost</c>) is what it is
/// checked against while the connection still goes to 127.0.0.1.
/// </summary>
public sealed class TrustedStartTlsProcessTests(StartTlsSmtpServer mail) : IClassFixture<StartTlsSmtpServer>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("custos-starttls-serve-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableTheory]
    [InlineData("", "sent")]
    [InlineData("?server_name=localhost", "sent")]
    [InlineData("?server_name=mail.example.org", "queued")]
    public async Task RecoveryMail_IsVerifiedAgainstTheTrustStore_AndTheServerName(string query, string status)
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        var (publicPort, adminPort) = (CustosProcess.FreePort(), CustosProcess.FreePort());
        var config = Path.Combine(_dir, "kratos.yml");
        await File.WriteAllTextAsync(config, $"""
            dsn: memory
            courier:
              smtp:
                connection_uri: smtp://127.0.0.1:{mail.SmtpPort}/{query}
                from_address: accounts@example.org
              worker:
                pull_wait: 100ms
            selfservice:
              flows:
                recovery:
                  enabled: true
            """);
        var emptyDir = Directory.CreateDirectory(Path.Combine(_dir, "no-certs")).FullName;
        var env = new Dictionary<string, string>
        {
            ["SERVE_PUBLIC_PORT"] = publicPort.ToString(CultureInfo.InvariantCulture),
            ["SERVE_ADMIN_PORT"] = adminPort.ToString(CultureInfo.InvariantCulture),
            ["SSL_CERT_FILE"] = mail.CertificatePath,
            ["SSL_CERT_DIR"] = emptyDir,
        };
        await using var server = CustosProcess.Start(["serve", "--dev", "--watch-courier", "-c", config], env, _dir);
        await server.WaitForOkAsync($"http://127.0.0.1:{adminPort}/health/ready");
        using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{publicPort}/") };
        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}/") };
        var email = $"{Guid.NewGuid():N}@example.com";
        await admin.CreateIdentityAsync(email);

        var flow = JsonNode.Parse(await api.GetStringAsync("/self-service/recovery/api"))!;
        var sent = await api.PostJsonAsync($"/self-service/recovery?flow={flow["id"]}", new JsonObject { ["method"] = "code", ["email"] = email }.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        JsonNode? message = null;
        for (var i = 0; i < 100; i++)
        {
            message = JsonNode.Parse(await admin.GetStringAsync($"/admin/courier/messages?recipient={email}"))!.AsArray().SingleOrDefault();
            if (message?["send_count"]?.GetValue<int>() > 0 || message?["status"]?.GetValue<string>() == "sent")
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(status, message!["status"]!.GetValue<string>());
        var received = await mail.MailsToAsync(email);
        if (status == "sent")
        {
            Assert.Contains("recover", Assert.Single(received).Subject, StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            Assert.Empty(received);
        }
    }
}
