using System.Net;
using System.Text.RegularExpressions;
using Custos.IntegrationTests.WebAuthn;
using Custos.SelfService.Strategies.WebAuthn;

namespace Custos.IntegrationTests.Ui;

/// <summary>
/// The built-in pages render passkeys and security keys from their nodes: the webauthn.js script with its nonce in the
/// CSP, triggers as data attributes (never inline handlers), the settings sections, the second-factor page. The
/// ceremonies are done as webauthn.js does them, by a software authenticator reading the options off the page and
/// posting the result in the trigger's form.
/// </summary>
public sealed partial class UiWebAuthnPagesTests(BuiltinUiWebAuthnApp app) : IClassFixture<BuiltinUiWebAuthnApp>
{
    private const string Password = "correct horse battery staple";
    private const string Origin = BuiltinUiWebAuthnApp.Origin;

    [SkippableFact]
    public async Task LoginPage_LoadsWebAuthnJsByNonce_AndWiresThePasskeyTriggersWithoutInlineHandlers()
    {
        var (response, html) = await new UiBrowser(app).OpenAsync("/ui/login");

        var script = ScriptTag().Match(html);
        Assert.True(script.Success, "the webauthn_script node is a script tag");
        Assert.Matches("^<script src=\"http://localhost:4433/.well-known/ory/webauthn.js\" type=\"text/javascript\" id=\"webauthn_script\" async=\"\" integrity=\"[^\"]+\" crossorigin=\"anonymous\" referrerpolicy=\"no-referrer\" nonce=\"[0-9a-f-]{36}\"></script>$", script.Value);
        Assert.Equal(WebAuthnScript.Integrity, WebUtility.HtmlDecode(Regex.Match(script.Value, "integrity=\"([^\"]+)\"").Groups[1].Value));
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains($"script-src 'self' 'nonce-{script.Groups["nonce"].Value}'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Single(ScriptTag().Matches(html));
        Assert.Contains("<script src=\"/ui/assets/ui.js\"></script>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"group-caption\">Use a passkey</p><button type=\"button\" name=\"passkey_login_trigger\" value=\"\" class=\"button secondary\" data-onclick-trigger=\"oryPasskeyLogin\">Sign in with passkey</button>", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"passkey_login\" value=\"\" data-onload-trigger=\"oryPasskeyLoginAutocompleteInit\">", html, StringComparison.Ordinal);
        Assert.Contains("autocomplete=\"username webauthn\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(" on[a-z]+=", html);
    }

    [SkippableFact]
    public async Task Settings_AddAPasskey_ThenThePasskeyAloneSignsIn()
    {
        var email = NewEmail();
        var browser = new UiBrowser(app);
        await browser.RegisterAsync(email, Password);
        var (_, settings) = await browser.OpenAsync("/ui/settings");
        Assert.Contains("<h2 id=\"group-passkey-title\">Passkeys</h2>", settings, StringComparison.Ordinal);
        Assert.Contains("class=\"button primary\" data-onclick-trigger=\"oryPasskeySettingsRegistration\">Add passkey</button>", settings, StringComparison.Ordinal);
        using var authenticator = new SoftwareAuthenticator();

        var created = authenticator.Create(InputValue(settings, "passkey_create_data"), Origin);
        var (_, saved) = await browser.SubmitInGroupAsync(settings, "passkey", new() { ["passkey_settings_register"] = created });

        Assert.Contains("data-message-id=\"1050001\"", saved, StringComparison.Ordinal);
        Assert.Matches("<button type=\"submit\" name=\"passkey_remove\" value=\"[0-9a-f]+\" class=\"button secondary\"[^>]*>Remove passkey &quot;[^<]*&quot;</button>", saved);

        var stranger = new UiBrowser(app);
        var (_, login) = await stranger.OpenAsync("/ui/login");
        var assertion = authenticator.Get(InputValue(login, "passkey_challenge"), Origin);
        var (_, signedIn) = await stranger.SubmitAsync(login, "/self-service/login", new() { ["passkey_login"] = assertion });
        Assert.Contains($"Signed in as <strong>{email}</strong>", signedIn, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Registration_SecondScreen_OffersSignUpWithPasskey_WhichSignsUpWithoutAPassword()
    {
        var email = NewEmail();
        var browser = new UiBrowser(app);
        var (_, start) = await browser.OpenAsync("/ui/registration");
        var (_, credentials) = await browser.SubmitAsync(start, "/self-service/registration",
            new() { ["traits.email"] = email, ["traits.name.first"] = "Ada", ["method"] = "profile" });

        // Password and passkey share no visible field: each is its own form, the passkey's with the traits it names the key by.
        var passkey = Regex.Match(credentials, "<div class=\"group group-passkey\" data-group=\"passkey\"><p class=\"group-caption\">Sign up with a passkey</p><form .*?</form>").Value;
        Assert.Contains("<input type=\"hidden\" name=\"traits.email\" value=\"" + email + "\">", passkey, StringComparison.Ordinal);
        Assert.Contains("<button type=\"button\" name=\"passkey_register_trigger\" class=\"button secondary\" data-onclick-trigger=\"oryPasskeyRegistration\">Sign up with passkey</button>", passkey, StringComparison.Ordinal);
        using var authenticator = new SoftwareAuthenticator();
        var created = authenticator.Create(InputValue(credentials, "passkey_create_data"), Origin);
        var (_, signedIn) = await browser.SubmitAsync(credentials, "/self-service/registration", new() { ["passkey_register"] = created });

        Assert.Contains($"Signed in as <strong>{email}</strong>", signedIn, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SecurityKey_AddedWithAName_IsOfferedOnTheSecondFactorPage_AndSignsInAtAal2()
    {
        var email = NewEmail();
        var enrolling = new UiBrowser(app);
        await enrolling.RegisterAsync(email, Password);
        var (_, settings) = await enrolling.OpenAsync("/ui/settings");
        Assert.Contains("<h2 id=\"group-webauthn-title\">Security keys</h2>", settings, StringComparison.Ordinal);
        Assert.Contains("<label for=\"field-webauthn_register_displayname\">Name of the security key</label>", settings, StringComparison.Ordinal);
        using var key = new SoftwareAuthenticator { UserVerified = false };
        var created = key.Create(ButtonValue(settings, "webauthn_register_trigger"), Origin);
        var (_, saved) = await enrolling.SubmitInGroupAsync(settings, "webauthn",
            new() { ["webauthn_register"] = created, ["webauthn_register_displayname"] = "Blue <key>" });
        Assert.Contains("data-message-id=\"1050001\"", saved, StringComparison.Ordinal);
        Assert.Matches("name=\"webauthn_remove\" value=\"[0-9a-f]+\" class=\"button secondary\" formnovalidate=\"\">Remove security key &quot;Blue &lt;key&gt;&quot;</button>", saved);
        Assert.Contains("class=\"button primary\" data-onclick-trigger=\"oryWebAuthnRegistration\">Add security key</button>", saved, StringComparison.Ordinal);

        var browser = new UiBrowser(app);
        var (response, page) = await browser.SignInAsync(email, Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Second factor</h1>", page, StringComparison.Ordinal);
        Assert.Matches("data-group=\"webauthn\">.*?<button type=\"button\" name=\"webauthn_login_trigger\" value=\"[^\"]+\" class=\"button primary\" data-onclick-trigger=\"oryWebAuthnLogin\">[^<]*hardware key</button>", page);
        Assert.Single(ScriptTag().Matches(page));
        // webauthn.js posts a security key's missing user handle (its credential is not discoverable) as "".
        var assertion = key.Get(ButtonValue(page, "webauthn_login_trigger"), Origin, new SoftwareTamper { UserHandle = [] });
        var (_, signedIn) = await browser.SubmitAsync(page, "/self-service/login", new() { ["webauthn_login"] = assertion });
        Assert.Contains($"Signed in as <strong>{email}</strong>", signedIn, StringComparison.Ordinal);
        var whoami = await browser.Http.GetStringAsync("/sessions/whoami");
        Assert.Contains("\"authenticator_assurance_level\":\"aal2\"", whoami, StringComparison.Ordinal);
    }

    private static string NewEmail() => $"{Guid.NewGuid():N}@example.com";

    private static string InputValue(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"<input type=\"hidden\" name=\"{name}\" value=\"(?<v>[^\"]*)\"").Groups["v"].Value);

    private static string ButtonValue(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"<button type=\"button\" name=\"{name}\" value=\"(?<v>[^\"]*)\"").Groups["v"].Value);

    [GeneratedRegex("<script src=\"http://localhost:4433/\\.well-known/ory/webauthn\\.js\"[^>]*nonce=\"(?<nonce>[^\"]+)\"></script>")]
    private static partial Regex ScriptTag();
}
