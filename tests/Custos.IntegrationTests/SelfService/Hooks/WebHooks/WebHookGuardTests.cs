using System.Net;
using System.Text.Json.Nodes;
using Custos.SelfService.Hooks.WebHooks;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.SelfService.Hooks.WebHooks;

/// <summary>
/// The SSRF guard of web hooks: Custos refuses loopback, private and link-local targets unless
/// <c>clients.http.private_ip_exception_urls</c> names the URL or <c>disallow_private_ip_ranges</c> is explicitly false.
/// A refused target is never connected to.
/// </summary>
public sealed class WebHookGuardTests : IDisposable
{
    private readonly WebHookReceiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    private GuardedApp LoginApp(string url, bool allowLoopback, JsonObject? clientsHttp = null) =>
        new(WebHookApp.Create(new JsonObject { ["login"] = WebHookApp.AfterPassword(WebHookApp.Hook(url)) }, _receiver, allowLoopback, clientsHttp: clientsHttp));

    [SkippableFact]
    public async Task LoopbackTarget_NotExempt_IsRefused_AndNeverReached()
    {
        using var app = LoginApp(_receiver.Url(), allowLoopback: false);

        var response = await app.LoginAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        await Task.Delay(200);
        Assert.Empty(_receiver.Requests);
    }

    [SkippableFact]
    public async Task LocalhostByName_IsRefused_AfterResolvingIt()
    {
        using var app = LoginApp($"http://localhost:{_receiver.Port}/hook", allowLoopback: false);

        var response = await app.LoginAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(_receiver.Requests);
    }

    [SkippableFact]
    public async Task ExceptionGlob_OnlyExemptsTheUrlsItMatches()
    {
        using var app = new GuardedApp(WebHookApp.Create(
            new JsonObject { ["login"] = WebHookApp.AfterPassword(WebHookApp.Hook(_receiver.Url("/allowed/hook")), WebHookApp.Hook(_receiver.Url("/other"))) },
            _receiver, allowLoopback: false,
            clientsHttp: new JsonObject { ["private_ip_exception_urls"] = new JsonArray($"http://127.0.0.1:{_receiver.Port}/allowed/*") }));

        var response = await app.LoginAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("/allowed/hook", Assert.Single(await _receiver.WaitForAsync(1)).Path);
    }

    [SkippableFact]
    public async Task ExplicitlyAllowingPrivateRanges_ReachesLoopback()
    {
        using var app = LoginApp(_receiver.Url(), allowLoopback: false, clientsHttp: new JsonObject { ["disallow_private_ip_ranges"] = false });

        var response = await app.LoginAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await _receiver.WaitForAsync(1));
    }

    [SkippableTheory]
    [InlineData("http://10.0.0.1:9/hook")]
    [InlineData("http://10.255.255.1/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://192.168.1.1/hook")]
    [InlineData("http://[::1]:9/hook")]
    [InlineData("http://[fe80::1]:9/hook")]
    public async Task PrivateAndLinkLocalTargets_AreRefusedBeforeAnyConnection(string url)
    {
        using var app = WebHookApp.Create(new JsonObject(), _receiver);
        var sender = app.Services.GetRequiredService<WebHookSender>();
        var request = new WebHookRequest("POST", url, [], WebHookContentTypes.Json, "{}", true, null);

        var refused = await Assert.ThrowsAsync<WebHookTransportException>(() => sender.SendAsync(request, Guid.NewGuid(), CancellationToken.None));

        Assert.Equal(WebHookFailure.Refused, refused.Failure);
    }

    /// <summary>A factory with a login helper for these tests.</summary>
    private sealed class GuardedApp(Infrastructure.CustosAppFactory inner) : IDisposable
    {
        public async Task<HttpResponseMessage> LoginAsync()
        {
            var email = $"{Guid.NewGuid():N}@example.com";
            await Infrastructure.HttpExtensions.CreateIdentityAsync(inner.Admin(), email, "correct horse battery staple");
            return await new Infrastructure.FlowClient(inner, Infrastructure.ClientKind.Api).LoginAsync(email, "correct horse battery staple");
        }

        public void Dispose() => inner.Dispose();
    }
}
