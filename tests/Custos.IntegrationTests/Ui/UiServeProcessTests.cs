using System.Net;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Ui;

/// <summary><c>custos serve --dev</c> with no configuration file serves a working sign-in page.</summary>
public sealed class UiServeProcessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("custos-ui-serve-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task DevWithoutConfig_UiLogin_RendersALoginFlow()
    {
        var (server, publicPort, _) = await CustosProcess.StartDevWithoutConfigAsync(_dir);
        await using var running = server;
        using var client = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() });

        var response = await client.GetAsync($"http://127.0.0.1:{publicPort}/ui/login");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches($"^http://127\\.0\\.0\\.1:{publicPort}/ui/login\\?flow=[0-9a-f-]{{36}}$", response.RequestMessage!.RequestUri!.ToString());
        Assert.Contains($"<form action=\"http://127.0.0.1:{publicPort}/self-service/login?flow=", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"field-identifier\">Email address</label>", html, StringComparison.Ordinal);
    }
}
