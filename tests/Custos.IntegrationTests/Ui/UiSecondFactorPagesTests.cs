using System.Net;
using System.Text.RegularExpressions;
using Custos.SelfService.Strategies.Totp;

namespace Custos.IntegrationTests.Ui;

/// <summary>
/// The built-in pages render the second-factor methods from their nodes: the TOTP QR image and secret, the backup codes
/// with a download, the second-factor login a password login leads to, and the "Email me a code" login.
/// </summary>
public sealed partial class UiSecondFactorPagesTests(BuiltinUiMethodsApp app) : IClassFixture<BuiltinUiMethodsApp>
{
    private const string Password = "correct horse battery staple";
    private const string DataText = "data:text/plain;charset=utf-8,";

    private DateTime Now => app.ManualClock.GetUtcNow().UtcDateTime;

    [SkippableFact]
    public async Task SettingsPage_ShowsTheTotpQrImageAndTheSecretAsText()
    {
        var browser = new UiBrowser(app);
        await browser.RegisterAsync(NewEmail(), Password);

        var (response, html) = await browser.OpenAsync("/ui/settings");

        Assert.Contains("<h2 id=\"group-totp-title\">Authenticator app</h2>", html, StringComparison.Ordinal);
        Assert.Matches("<img src=\"data:image/png;base64,[^\"]+\" id=\"totp_qr\" alt=\"Authenticator app QR code\" width=\"256\" height=\"256\">", html);
        Assert.Matches("<div class=\"text-node\" id=\"totp_secret_key\" data-message-id=\"1050006\"><p class=\"text-label\">[^<]+</p><p><code>[A-Z2-7]{16,}</code></p></div>", html);
        Assert.Contains("<input type=\"text\" id=\"field-totp_code\" name=\"totp_code\" required=\"\" autocomplete=\"one-time-code\" inputmode=\"numeric\">", html, StringComparison.Ordinal);
        Assert.Contains("img-src 'self' data:", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task BackupCodes_AreListedWithADownloadOfTheSameCodes()
    {
        var browser = new UiBrowser(app);
        await browser.RegisterAsync(NewEmail(), Password);
        var (_, settings) = await browser.OpenAsync("/ui/settings");

        var (_, html) = await browser.SubmitInGroupAsync(settings, "lookup_secret", new() { ["lookup_secret_regenerate"] = "true" });

        var listed = CodeItems().Matches(html).Select(m => m.Groups[1].Value).ToList();
        var link = DownloadLink().Match(html);
        Assert.Contains("<h2 id=\"group-lookup_secret-title\">Backup recovery codes</h2>", html, StringComparison.Ordinal);
        Assert.Equal(12, listed.Count);
        Assert.True(link.Success, "a download link for the codes");
        Assert.StartsWith(DataText, link.Groups["href"].Value, StringComparison.Ordinal);
        Assert.Equal(string.Concat(listed.Select(c => c + "\n")), Uri.UnescapeDataString(WebUtility.HtmlDecode(link.Groups["href"].Value)[DataText.Length..]));
        Assert.Contains("name=\"lookup_secret_confirm\" value=\"true\"", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task BackupCodes_RevealedAfterSaving_AreHiddenAndOfferNoDownload()
    {
        var browser = new UiBrowser(app);
        await browser.RegisterAsync(NewEmail(), Password);
        var (_, settings) = await browser.OpenAsync("/ui/settings");
        (_, settings) = await browser.SubmitInGroupAsync(settings, "lookup_secret", new() { ["lookup_secret_regenerate"] = "true" });
        (_, settings) = await browser.SubmitInGroupAsync(settings, "lookup_secret", new() { ["lookup_secret_confirm"] = "true" });

        var (_, html) = await browser.SubmitInGroupAsync(settings, "lookup_secret", new() { ["lookup_secret_reveal"] = "true" });

        Assert.Contains("id=\"lookup_secret_codes\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(DataText, html, StringComparison.Ordinal);
        Assert.DoesNotContain("download=", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task PasswordLogin_WithTotpAndBackupCodes_LeadsToTheSecondFactorPage_WhereTheCodeSignsIn()
    {
        var email = NewEmail();
        var enrolling = new UiBrowser(app);
        await enrolling.RegisterAsync(email, Password);
        var (_, settings) = await enrolling.OpenAsync("/ui/settings");
        var secret = SecretKey().Match(settings).Groups[1].Value;
        (_, settings) = await enrolling.SubmitInGroupAsync(settings, "totp", new() { ["method"] = "totp", ["totp_code"] = TotpCode.Compute(secret, Now) });
        (_, settings) = await enrolling.SubmitInGroupAsync(settings, "lookup_secret", new() { ["lookup_secret_regenerate"] = "true" });
        await enrolling.SubmitInGroupAsync(settings, "lookup_secret", new() { ["lookup_secret_confirm"] = "true" });
        var browser = new UiBrowser(app);

        var (response, html) = await browser.SignInAsync(email, Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/ui/login?flow=", response.RequestMessage!.RequestUri!.ToString(), StringComparison.Ordinal);
        Assert.Contains("<h1>Second factor</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"password\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Create an account", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"sign-out\"", html, StringComparison.Ordinal);
        // Each factor is its own form, so the browser checks only the field of the factor being used.
        Assert.Matches("<div class=\"group group-totp\" data-group=\"totp\"><p class=\"group-caption\">Use your authenticator app</p><form ", html);
        Assert.Matches("<div class=\"group group-lookup_secret\" data-group=\"lookup_secret\"><p class=\"group-caption\">Use a backup recovery code</p><form ", html);
        Assert.Contains("<button type=\"submit\" name=\"method\" value=\"totp\" class=\"button primary\">Use Authenticator</button>", html, StringComparison.Ordinal);

        // The enrolment spent this step's code.
        app.ManualClock.Advance(TimeSpan.FromSeconds(30));
        var (_, signedIn) = await browser.SubmitInGroupAsync(html, "totp", new() { ["method"] = "totp", ["totp_code"] = TotpCode.Compute(secret, Now) });

        Assert.Contains($"Signed in as <strong>{email}</strong>", signedIn, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task LoginPage_WithCodeLogin_OffersEmailMeACodeBesideThePassword()
    {
        var (_, html) = await new UiBrowser(app).OpenAsync("/ui/login");

        Assert.Contains("<div class=\"group group-code\" data-group=\"code\"><p class=\"group-caption\">Email me a code</p>"
            + "<button type=\"submit\" name=\"method\" value=\"code\" class=\"button secondary\" formnovalidate=\"\">Send sign in code</button>", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" name=\"method\" value=\"password\" class=\"button primary\">Sign in with password</button>", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<form "));
    }

    private static string NewEmail() => $"{Guid.NewGuid():N}@example.com";

    [GeneratedRegex("<li><code>([a-z0-9]+)</code></li>")]
    private static partial Regex CodeItems();

    [GeneratedRegex("<a href=\"(?<href>[^\"]*)\" download=\"backup-recovery-codes.txt\"")]
    private static partial Regex DownloadLink();

    [GeneratedRegex("id=\"totp_secret_key\"[^>]*>.*?<code>([A-Z2-7]+)</code>")]
    private static partial Regex SecretKey();
}
