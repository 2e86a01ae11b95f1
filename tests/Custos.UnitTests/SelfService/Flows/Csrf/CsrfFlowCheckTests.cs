using Custos.Hosting;
using Custos.SelfService.Flows.Csrf;
using Microsoft.AspNetCore.Http;

namespace Custos.UnitTests.SelfService.Flows.Csrf;

public sealed class CsrfFlowCheckTests
{
    private const string Name = "csrf_token_b0a7a50e12eb6fba434123c011075e74b9a22fff16488756b986523cfad47b8f";

    private readonly CsrfCookie _csrf = new(new TestOptions());

    [Fact]
    public void BrowserFlow_MatchingToken_Passes()
    {
        var token = CsrfTokens.NewToken();
        var request = Request($"{Name}={token}");

        _csrf.EnsureValid(request, apiFlow: false, CsrfTokens.Mask(token));
    }

    [Fact]
    public void BrowserFlow_WrongToken_Is403Mismatch()
    {
        var request = Request($"{Name}={CsrfTokens.NewToken()}", "application/json");

        var error = Assert.Throws<CustosException>(() => _csrf.EnsureValid(request, apiFlow: false, CsrfTokens.Mask(CsrfTokens.NewToken())));

        Assert.Equal((403, "security_csrf_violation"), (error.Code, error.Id));
        Assert.Equal(CsrfErrors.TokenMismatch, error.Details!["reject_reason"]!.GetValue<string>());
    }

    [Fact]
    public void BrowserFlow_NoCookie_Is403()
    {
        var error = Assert.Throws<CustosException>(() => _csrf.EnsureValid(Request(null), apiFlow: false, "x"));

        Assert.Equal(CsrfErrors.NoCookie, error.Details!["reject_reason"]!.GetValue<string>());
    }

    [Fact]
    public void ApiFlow_IgnoresTheToken()
    {
        _csrf.EnsureValid(Request(null), apiFlow: true, submitted: null);
    }

    [Fact]
    public void ApiFlow_WithOrigin_Is400()
    {
        var request = Request(null);
        request.Headers.Origin = "https://app.example.com";

        var error = Assert.Throws<CustosException>(() => _csrf.EnsureValid(request, apiFlow: true, submitted: null));

        Assert.Equal(400, error.Code);
        Assert.Contains("\"Origin\"", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ApiFlow_WithCookies_Is400_ButCloudflareCookiesAreTolerated()
    {
        var error = Assert.Throws<CustosException>(() => _csrf.EnsureValid(Request("session=1; __cf_bm=2"), apiFlow: true, submitted: null));

        Assert.Equal(400, error.Code);
        Assert.Equal("""["session"]""", error.Details!["found cookies"]!.ToJsonString());
        _csrf.EnsureValid(Request("__cf_bm=2; cf_clearance=3; _cfuvid=4"), apiFlow: true, submitted: null);
        _csrf.EnsureValid(Request("session=1"), apiFlow: true, submitted: null, disableApiFlowEnforcement: true);
    }

    private static HttpRequest Request(string? cookie, string? contentType = null)
    {
        var request = new DefaultHttpContext().Request;
        if (cookie is not null)
        {
            request.Headers.Cookie = cookie;
        }

        request.ContentType = contentType;
        return request;
    }
}
