using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Ui;

/// <summary>The built-in login page under <c>login.style: identifier_first</c>: the identifier first, then the person's methods.</summary>
public sealed class UiIdentifierFirstTests(BuiltinUiIdentifierFirstApp app) : IClassFixture<BuiltinUiIdentifierFirstApp>
{
    private const string Password = "correct horse battery staple";

    [SkippableFact]
    public async Task LoginPage_AsksForTheIdentifierFirst_ThenThePassword_AndSignsIn()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);
        var browser = new UiBrowser(app);

        var (_, first) = await browser.OpenAsync("/ui/login");
        var (_, second) = await browser.SubmitAsync(first, "/self-service/login", new() { ["identifier"] = email, ["method"] = "identifier_first" });
        var (_, signedIn) = await browser.SubmitAsync(second, "/self-service/login", new() { ["password"] = Password, ["method"] = "password" });

        Assert.Contains("name=\"identifier\"", first, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"password\"", first, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" name=\"method\" value=\"identifier_first\" class=\"button primary\">Continue</button>", first, StringComparison.Ordinal);
        Assert.Contains($"<input type=\"hidden\" name=\"identifier\" value=\"{email}\">", second, StringComparison.Ordinal);
        Assert.Contains("<input type=\"password\" id=\"field-password\" name=\"password\"", second, StringComparison.Ordinal);
        Assert.Contains($"Signed in as <strong>{email}</strong>", signedIn, StringComparison.Ordinal);
    }
}
