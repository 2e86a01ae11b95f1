using Custos.Config;
using Custos.Ui.Security;

namespace Custos.UnitTests.Ui;

public sealed class ContentSecurityPolicyTests
{
    private static CustosOptions Options()
    {
        var o = new CustosOptions();
        o.Serve.Public.BaseUrl = "https://auth.example.com/";
        o.Selfservice.DefaultBrowserReturnUrl = "https://app.example.com/home";
        o.Selfservice.AllowedReturnUrls = ["https://*.example.org/callback", "https://evil.example; script-src *"];
        o.Selfservice.Flows.Login.UiUrl = "https://auth.example.com/ui/login";
        return o;
    }

    [Fact]
    public void Build_FormActionListsWhereFlowsRedirect_NothingInjected()
    {
        var csp = ContentSecurityPolicy.Build(Options(), []);

        Assert.Equal(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "form-action 'self' https://*.example.org https://app.example.com https://auth.example.com; frame-ancestors 'none'; base-uri 'none'",
            csp);
    }

    [Fact]
    public void Build_AddsValidNoncesOnly()
    {
        var csp = ContentSecurityPolicy.Build(Options(), ["bm9uY2UtdmFsdWU=", "x' 'unsafe-inline"]);

        Assert.Contains("script-src 'self' 'nonce-bm9uY2UtdmFsdWU='; ", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithOidc_FormActionListsEachProvidersSignInOrigin_AndNothingWider()
    {
        var o = Options();
        o.Selfservice.Methods.Oidc.Enabled = true;
        o.Selfservice.Methods.Oidc.Config.Providers =
        [
            new() { Id = "local", Provider = "generic", IssuerUrl = "http://127.0.0.1:5556/dex" },
            new() { Id = "corp", Provider = "generic", IssuerUrl = "https://idp.corp.example/realms/x", AuthUrl = "https://login.corp.example/authorize" },
            new() { Id = "google", Provider = "google" },
            new() { Id = "gh", Provider = "github" },
            new() { Id = "ms", Provider = "microsoft", MicrosoftTenant = "common" },
            new() { Id = "apple", Provider = "apple" },
            new() { Id = "discord", Provider = "discord" },
            new() { Id = "fb", Provider = "facebook" },
            new() { Id = "gitlab", Provider = "gitlab" },
            new() { Id = "selfhosted", Provider = "gitlab", IssuerUrl = "https://git.example.net" },
            new() { Id = "auth0", Provider = "auth0", IssuerUrl = "https://tenant.eu.auth0.com/" },
            new() { Id = "wild", Provider = "generic", IssuerUrl = "https://*.example.net" },
            new() { Id = "org", Provider = "generic", IssuerUrl = "https://org-only.example", OrganizationId = "b7b4a3e0-0000-4000-8000-000000000000" },
        ];

        var csp = ContentSecurityPolicy.Build(o, []);

        Assert.Contains(
            "form-action 'self' http://127.0.0.1:5556 https://*.example.org https://accounts.google.com https://app.example.com https://appleid.apple.com "
            + "https://auth.example.com https://discord.com https://facebook.com https://git.example.net https://github.com https://gitlab.com "
            + "https://idp.corp.example https://login.corp.example https://login.microsoftonline.com https://tenant.eu.auth0.com https://www.facebook.com; ",
            csp,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Build_OidcDisabled_AddsNoProviderOrigins()
    {
        var o = Options();
        o.Selfservice.Methods.Oidc.Config.Providers = [new() { Id = "google", Provider = "google" }];

        Assert.DoesNotContain("google", ContentSecurityPolicy.Build(o, []), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LogoOriginIsAllowedForImages()
    {
        var o = Options();
        o.Ui.LogoUrl = "https://cdn.example.net/logo.png";

        Assert.Contains("img-src 'self' data: https://cdn.example.net;", ContentSecurityPolicy.Build(o, []), StringComparison.Ordinal);
    }
}
