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
    public void Build_AddsValidNoncesOnly_AndOidcProviders()
    {
        var o = Options();
        o.Selfservice.Methods.Oidc.Enabled = true;

        var csp = ContentSecurityPolicy.Build(o, ["bm9uY2UtdmFsdWU=", "x' 'unsafe-inline"]);

        Assert.Contains("script-src 'self' 'nonce-bm9uY2UtdmFsdWU='; ", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.EndsWith("https://auth.example.com https:; frame-ancestors 'none'; base-uri 'none'", csp, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LogoOriginIsAllowedForImages()
    {
        var o = Options();
        o.Ui.LogoUrl = "https://cdn.example.net/logo.png";

        Assert.Contains("img-src 'self' data: https://cdn.example.net;", ContentSecurityPolicy.Build(o, []), StringComparison.Ordinal);
    }
}
