using System.Net;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Ui;

public sealed class UiSecurityTests(BuiltinUiApp app) : IClassFixture<BuiltinUiApp>
{
    [SkippableTheory]
    [InlineData("/ui/login")]
    [InlineData("/ui/error?id=stub:500")]
    [InlineData("/ui/welcome")]
    [InlineData("/ui/assets/custos.css")]
    public async Task Responses_CarrySecurityHeaders(string path)
    {
        var response = await new UiBrowser(app).Http.GetAsync(path);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self' http://localhost:4433", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [SkippableFact]
    public async Task Pages_EncodeTheConfiguredProductName()
    {
        var (_, html) = await new UiBrowser(app).OpenAsync("/ui/login");

        Assert.Contains("<title>Sign in · Acme &lt;ID&gt;</title>", html, StringComparison.Ordinal);
        Assert.Contains("Acme &lt;ID&gt; · powered by Custos", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AdminListener_DoesNotServeTheUi()
    {
        var response = await app.Admin().GetAsync("/ui/login");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SkippableFact]
    public async Task ErrorPage_ShowsStoredError_UnknownIdIs404()
    {
        var (stub, stubHtml) = await new UiBrowser(app).OpenAsync("/ui/error?id=stub:500");
        var (unknown, _) = await new UiBrowser(app).OpenAsync($"/ui/error?id={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, stub.StatusCode);
        Assert.Contains("An internal server error occurred, please contact the system administrator", stubHtml, StringComparison.Ordinal);
        Assert.Contains("<dd>500 Internal Server Error</dd>", stubHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [SkippableFact]
    public async Task BrowserFlowError_LandsOnBuiltinErrorPage()
    {
        var response = await app.Public().GetAsync("/self-service/login/browser?return_to=https%3A%2F%2Fevil.example%2F");
        var (page, html) = await new UiBrowser(app).OpenAsync(response.Headers.Location!.ToString());

        Assert.StartsWith("http://localhost:4433/ui/error?id=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-error-id=\"self_service_flow_return_to_forbidden\"", html, StringComparison.Ordinal);
    }
}
