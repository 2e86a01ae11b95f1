using System.Net;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Ui;

public sealed class UiWelcomeTests(BuiltinUiApp app) : IClassFixture<BuiltinUiApp>
{
    private const string Password = "correct horse battery staple";

    [SkippableFact]
    public async Task Welcome_WithoutSession_RedirectsToLogin()
    {
        var response = await app.Public().GetAsync("/ui/welcome");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/ui/login", response.Headers.Location!.ToString());
    }

    [SkippableFact]
    public async Task Welcome_EncodesIdentityValues()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var browser = new UiBrowser(app);

        var html = await browser.RegisterAsync(email, Password, first: "<img src=x onerror=alert(1)>\"'");
        var (_, settings) = await browser.OpenAsync("/ui/settings");

        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#x27;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("value=\"&lt;img src=x onerror=alert(1)&gt;&quot;&#x27;\"", settings, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", settings, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task RevokeOtherSession_WithCsrfToken_SignsItOut()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var laptop = new UiBrowser(app);
        var phone = new UiBrowser(app);
        await laptop.RegisterAsync(email, Password);
        await phone.SignInAsync(email, Password);

        var (_, welcome) = await laptop.OpenAsync("/ui/welcome");
        var (revoked, after) = await laptop.SubmitAsync(welcome, "/ui/sessions/revoke", []);
        var (phoneResponse, phoneHtml) = await phone.OpenAsync("/ui/welcome");

        Assert.Contains("data-testid=\"other-session\"", welcome, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Contains("The session was signed out.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"other-session\"", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, phoneResponse.StatusCode);
        Assert.Contains("<h1>Sign in</h1>", phoneHtml, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task RevokeOtherSession_WithoutMatchingCsrfToken_Is403AndKeepsTheSession()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var laptop = new UiBrowser(app);
        var phone = new UiBrowser(app);
        await laptop.RegisterAsync(email, Password);
        await phone.SignInAsync(email, Password);
        var (_, welcome) = await laptop.OpenAsync("/ui/welcome");

        var (forged, html) = await laptop.SubmitAsync(welcome, "/ui/sessions/revoke", new() { ["csrf_token"] = "forged" });
        var (_, phoneHtml) = await phone.OpenAsync("/ui/welcome");

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("data-error-id=\"security_csrf_violation\"", html, StringComparison.Ordinal);
        Assert.Contains($"Signed in as <strong>{email}</strong>", phoneHtml, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SignOut_EndsTheSession_AndNeedsTheCsrfToken()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var browser = new UiBrowser(app);
        var welcome = await browser.RegisterAsync(email, Password);

        var forged = await browser.Http.PostAsync("/ui/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["csrf_token"] = "x" }));
        var (_, stillIn) = await browser.OpenAsync("/ui/welcome");
        var (_, signedOut) = await browser.SubmitAsync(welcome, "/ui/logout", []);
        var whoami = await browser.Http.GetAsync("/sessions/whoami");

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("Signed in as", stillIn, StringComparison.Ordinal);
        Assert.Contains("<h1>Sign in</h1>", signedOut, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, whoami.StatusCode);
    }
}
