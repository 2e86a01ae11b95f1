using System.Net;
using System.Text.RegularExpressions;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.SelfService.AddressFlows;

namespace Custos.IntegrationTests.Ui;

public sealed partial class UiAddressFlowPagesTests(BuiltinUiAddressFlowsApp app) : IClassFixture<BuiltinUiAddressFlowsApp>
{
    private const string Password = "correct horse battery staple";

    [SkippableFact]
    public async Task Registration_ShowsVerificationPage_WhoseCodeFormSendsMethodOnce()
    {
        var email = $"{Guid.NewGuid():N}@example.com";

        var html = await new UiBrowser(app).RegisterAsync(email, Password);

        Assert.Contains("<h1>Verify your email address</h1>", html, StringComparison.Ordinal);
        Assert.Contains("data-message-id=\"1080003\"", html, StringComparison.Ordinal);
        var form = Form().Match(html).Value;
        Assert.Single(Regex.Matches(form, "name=\"method\""));
        Assert.Contains("<input type=\"hidden\" name=\"method\" value=\"code\">", form, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" class=\"button primary\">Continue</button>", form, StringComparison.Ordinal);
        Assert.Contains($"<button type=\"submit\" name=\"email\" value=\"{email}\" class=\"button secondary\" formnovalidate=\"\">Resend code</button>", form, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task VerificationCode_MarksTheAddressVerifiedOnWelcome()
    {
        var browser = new UiBrowser(app);
        var email = $"{Guid.NewGuid():N}@example.com";
        var verification = await browser.RegisterAsync(email, Password);
        var (_, before) = await browser.OpenAsync("/ui/welcome");

        var (_, verified) = await browser.SubmitAsync(verification, "/self-service/verification", new() { ["code"] = await app.LatestCodeAsync(email) });
        var (_, after) = await browser.OpenAsync("/ui/welcome");

        Assert.Contains("data-testid=\"address-status\">not verified</span>", before, StringComparison.Ordinal);
        Assert.Contains("data-message-id=\"1080002\"", verified, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"address-status\">verified</span>", after, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ResendCode_WithTheCodeFieldEmpty_SendsAnotherCode()
    {
        var browser = new UiBrowser(app);
        var email = $"{Guid.NewGuid():N}@example.com";
        var verification = await browser.RegisterAsync(email, Password);

        // What the browser posts for "Resend code" (formnovalidate): the hidden inputs, the empty code field and the button.
        var (_, resent) = await browser.SubmitAsync(verification, "/self-service/verification", new() { ["code"] = "", ["email"] = email });

        Assert.Contains("data-message-id=\"1080003\"", resent, StringComparison.Ordinal);
        Assert.Equal(2, (await app.MessagesAsync(email)).Count);
    }

    [SkippableFact]
    public async Task Recovery_FromTheLoginLink_EmailedCodeOpensSettings()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);
        var browser = new UiBrowser(app);
        var (_, login) = await browser.OpenAsync("/ui/login");

        var (_, recovery) = await browser.OpenAsync(ForgotLink().Match(login).Groups["href"].Value);
        var (_, sent) = await browser.SubmitAsync(recovery, "/self-service/recovery", new() { ["email"] = email, ["method"] = "code" });
        var (response, settings) = await browser.SubmitAsync(sent, "/self-service/recovery", new() { ["code"] = await app.LatestCodeAsync(email) });

        Assert.Contains("<h1>Recover your account</h1>", recovery, StringComparison.Ordinal);
        Assert.Contains("data-message-id=\"1060003\"", sent, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(Form().Match(sent).Value, "name=\"method\""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Account settings</h1>", settings, StringComparison.Ordinal);
        Assert.Contains("data-message-id=\"1060001\"", settings, StringComparison.Ordinal);
    }

    [GeneratedRegex("""<form[^>]*>.*?</form>""", RegexOptions.Singleline)]
    private static partial Regex Form();

    [GeneratedRegex("""<a href="(?<href>[^"]*)">Forgot your password\?</a>""")]
    private static partial Regex ForgotLink();
}
