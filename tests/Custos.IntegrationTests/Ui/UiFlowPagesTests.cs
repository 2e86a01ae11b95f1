using System.Net;
using System.Text.RegularExpressions;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Ui;

public sealed class UiFlowPagesTests(BuiltinUiApp app) : IClassFixture<BuiltinUiApp>
{
    private const string Password = "correct horse battery staple";

    [SkippableFact]
    public async Task BrowserLoginInit_RedirectsToBuiltinLoginPage()
    {
        var response = await app.Public().GetAsync("/self-service/login/browser");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Matches("^http://localhost:4433/ui/login\\?flow=[0-9a-f-]{36}$", response.Headers.Location!.ToString());
    }

    [SkippableFact]
    public async Task LoginPage_WithoutFlow_StartsBrowserFlowKeepingInitParameters()
    {
        var response = await app.Public().GetAsync("/ui/login?return_to=http%3A%2F%2Flocalhost%3A4433%2Fui%2Fwelcome&refresh=true&aal=aal1&flow=");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost:4433/self-service/login/browser?return_to=http%3A%2F%2Flocalhost%3A4433%2Fui%2Fwelcome&refresh=true&aal=aal1",
            response.Headers.Location!.ToString());
    }

    [SkippableFact]
    public async Task LoginPage_RendersFlowNodesWithBoundLabels()
    {
        var (response, html) = await new UiBrowser(app).OpenAsync("/ui/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Matches("<form action=\"http://localhost:4433/self-service/login\\?flow=[0-9a-f-]{36}\" method=\"post\"", html);
        Assert.Contains("<input type=\"hidden\" name=\"csrf_token\" value=\"", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"field-identifier\">E-Mail</label><input type=\"text\" id=\"field-identifier\" name=\"identifier\"", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"field-password\">Password</label><input type=\"password\" id=\"field-password\" name=\"password\" required=\"\"", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" name=\"method\" value=\"password\" class=\"button primary\">Sign in with password</button>", html, StringComparison.Ordinal);
        Assert.Contains("data-group=\"password\"", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Login_WrongPassword_ShowsInvalidCredentialsMessage()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);

        var (response, html) = await new UiBrowser(app).SignInAsync(email, "wrong password!");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-message-id=\"4000006\"", html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{email}\"", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task RegisterThenSignIn_EndsOnWelcome()
    {
        var email = $"{Guid.NewGuid():N}@example.com";

        var registered = await new UiBrowser(app).RegisterAsync(email, Password);
        var (_, signedIn) = await new UiBrowser(app).SignInAsync(email, Password);

        Assert.Contains($"Signed in as <strong>{email}</strong>", registered, StringComparison.Ordinal);
        Assert.Contains($"Signed in as <strong>{email}</strong>", signedIn, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SettingsPage_OneFormPerMethod_SavesProfile()
    {
        var browser = new UiBrowser(app);
        var email = $"{Guid.NewGuid():N}@example.com";
        await browser.RegisterAsync(email, Password);

        var (_, html) = await browser.OpenAsync("/ui/settings");
        var (_, saved) = await browser.SubmitAsync(html, "/self-service/settings", new() { ["traits.email"] = email, ["traits.name.first"] = "Grace", ["method"] = "profile" });

        Assert.Equal(2, Regex.Count(html, "<form action=\"http://localhost:4433/self-service/settings"));
        Assert.Contains("<section class=\"group group-profile\" data-group=\"profile\"", html, StringComparison.Ordinal);
        Assert.Contains("<section class=\"group group-password\" data-group=\"password\"", html, StringComparison.Ordinal);
        Assert.Contains("data-message-id=\"1050001\"", saved, StringComparison.Ordinal);
        Assert.Contains("value=\"Grace\"", saved, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SettingsPage_WithoutSession_GoesToLogin()
    {
        var (response, html) = await new UiBrowser(app).OpenAsync("/ui/settings");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Sign in</h1>", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task UnknownFlowId_StartsANewFlow()
    {
        var response = await app.Public().GetAsync($"/ui/registration?flow={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost:4433/self-service/registration/browser", response.Headers.Location!.ToString());
    }

    [SkippableFact]
    public async Task FlowOfAnotherBrowser_ShowsCsrfErrorInsteadOfLooping()
    {
        var flow = await new FlowClient(app, ClientKind.Browser).InitAsync("login");

        var response = await app.Public().GetAsync($"/ui/login?flow={flow["id"]}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("data-error-id=\"security_csrf_violation\"", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task RecoveryAndVerificationPages_UseTheSameRenderer()
    {
        var recovery = await app.Public().GetAsync("/ui/recovery?return_to=x");
        var verification = await app.Public().GetAsync($"/ui/verification?flow={Guid.NewGuid()}");

        Assert.Equal("http://localhost:4433/self-service/recovery/browser?return_to=x", recovery.Headers.Location!.ToString());
        Assert.Equal("http://localhost:4433/self-service/verification/browser", verification.Headers.Location!.ToString());
    }
}
