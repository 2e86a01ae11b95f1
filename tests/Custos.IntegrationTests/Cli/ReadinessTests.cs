using System.Net;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Cli;

/// <summary><c>/health/ready</c> follows the database: 503 while it is unreachable, 200 again when it returns, without a restart.</summary>
public sealed class ReadinessTests
{
    [SkippableFact]
    public async Task Ready_Is503WhileDatabaseUnreachable_And200WhenItReturns()
    {
        var server = Environment.GetEnvironmentVariable("CUSTOS_TEST_POSTGRES_DSN");
        Skip.If(string.IsNullOrEmpty(server), "CUSTOS_TEST_POSTGRES_DSN is not set");
        var pg = new Uri(server!);
        await using var proxy = new TcpProxy(new IPEndPoint(IPAddress.Loopback, pg.Port), CustosProcess.FreePort());
        proxy.Start();
        var dsn = new UriBuilder(pg) { Port = proxy.Port }.Uri.ToString();
        var (publicPort, adminPort) = (CustosProcess.FreePort(), CustosProcess.FreePort());
        var env = new Dictionary<string, string>
        {
            ["SERVE_PUBLIC_PORT"] = publicPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SERVE_ADMIN_PORT"] = adminPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DSN"] = dsn,
        };
        var migrate = await CustosProcess.RunAsync(["migrate", "sql", "-e", "--yes"], env);
        Assert.Equal(0, migrate.Code);
        await using var custos = CustosProcess.Start(["serve", "--dev"], env, Path.GetTempPath());
        await custos.WaitForOkAsync($"http://127.0.0.1:{adminPort}/health/ready");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        proxy.Cut();
        var down = await client.GetAsync($"http://127.0.0.1:{adminPort}/health/ready");
        var downPublic = await client.GetAsync($"http://127.0.0.1:{publicPort}/health/ready");
        var alive = await client.GetAsync($"http://127.0.0.1:{adminPort}/health/alive");
        proxy.Start();
        await custos.WaitForOkAsync($"http://127.0.0.1:{adminPort}/health/ready", timeoutSeconds: 15);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Contains("database", await down.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("obfuscated", await downPublic.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }
}
