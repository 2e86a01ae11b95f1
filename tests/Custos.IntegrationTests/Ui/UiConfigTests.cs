using System.Net;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Ui;

public sealed class UiAssetsTests(BuiltinUiApp app) : IClassFixture<BuiltinUiApp>
{
    [SkippableTheory]
    [InlineData("custos.css", "text/css; charset=utf-8", "--accent")]
    [InlineData("ui.js", "text/javascript; charset=utf-8", "data-onclick-trigger")]
    [InlineData("logo.svg", "image/svg+xml", "<svg")]
    [InlineData("theme.css", "text/css; charset=utf-8", ":root { --accent: #0a7d5a; }")]
    public async Task Assets_AreServedFromTheAssembly(string name, string contentType, string content)
    {
        var response = await app.Public().GetAsync("/ui/assets/" + name);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.Contains(content, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task UnknownAsset_Is404()
    {
        var response = await app.Public().GetAsync("/ui/assets/..%2Fappsettings.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>With ui_urls configured (the integration tests' default config), flows keep using the external UI.</summary>
public sealed class UiConfiguredExternalTests(CustosAppFactory app) : IClassFixture<CustosAppFactory>
{
    [SkippableFact]
    public async Task ConfiguredUiUrls_AreKept_BuiltinPagesStillServed()
    {
        var init = await app.Public().GetAsync("/self-service/login/browser");
        var page = await app.Public().GetAsync("/ui/login");

        Assert.StartsWith("http://localhost:4455/login?flow=", init.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }
}

public sealed class UiDisabledTests(DisabledUiApp app) : IClassFixture<DisabledUiApp>
{
    [SkippableTheory]
    [InlineData("/ui/login")]
    [InlineData("/ui/welcome")]
    [InlineData("/ui/assets/custos.css")]
    public async Task UiDisabled_Is404(string path)
    {
        var response = await app.Public().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
