using Custos.SelfService.Flows.Csrf;
using Microsoft.AspNetCore.Http;

namespace Custos.UnitTests.SelfService.Flows.Csrf;

public sealed class CsrfErrorsTests
{
    [Fact]
    public void Violation_IsA403WithKratosTexts()
    {
        var error = CsrfErrors.Violation(CsrfErrors.TokenMismatch, ajax: false);

        Assert.Equal(403, error.Code);
        Assert.Equal("security_csrf_violation", error.Id);
        Assert.Equal("the request was rejected to protect you from Cross-Site-Request-Forgery", error.Message);
        Assert.StartsWith("Please retry the flow and optionally clear your cookies.", error.Reason!, StringComparison.Ordinal);
        Assert.Equal(["docs", "hint", "reject_reason"], error.Details!.Select(d => d.Key));
        Assert.Equal(CsrfErrors.ServerHint, error.Details!["hint"]!.GetValue<string>());
        Assert.Equal("https://www.ory.com/docs/troubleshooting/csrf", error.Details!["docs"]!.GetValue<string>());
    }

    [Fact]
    public void Violation_Ajax_UsesTheAjaxHint()
    {
        var error = CsrfErrors.Violation(CsrfErrors.NoCookie, ajax: true);

        Assert.Equal(CsrfErrors.AjaxHint, error.Details!["hint"]!.GetValue<string>());
        Assert.Equal("The HTTP Cookie Header is empty or not set.", error.Details["reject_reason"]!.GetValue<string>());
    }

    [Fact]
    public void ForRequest_NoCookies()
    {
        var request = new DefaultHttpContext().Request;
        request.Headers["Sec-Fetch-Mode"] = "cors";

        var error = CsrfErrors.ForRequest(request, "csrf_token_x", tokenSent: true);

        Assert.Equal(CsrfErrors.NoCookie, error.Details!["reject_reason"]!.GetValue<string>());
        Assert.Equal(CsrfErrors.AjaxHint, error.Details["hint"]!.GetValue<string>());
    }

    [Fact]
    public void ForRequest_OtherCookiesOnly()
    {
        var request = new DefaultHttpContext().Request;
        request.Headers.Cookie = "other=1";

        var error = CsrfErrors.ForRequest(request, "csrf_token_x", tokenSent: true);

        Assert.Equal(CsrfErrors.CookieMissing, error.Details!["reject_reason"]!.GetValue<string>());
    }

    [Fact]
    public void ForRequest_FormWithoutToken_IsNotSent()
    {
        var request = new DefaultHttpContext().Request;
        request.Headers.Cookie = "csrf_token_x=abc";
        request.ContentType = "application/x-www-form-urlencoded";

        var error = CsrfErrors.ForRequest(request, "csrf_token_x", tokenSent: false);

        Assert.Null(error.Details!["reject_reason"]);
        Assert.Equal(CsrfErrors.TokenNotSent, error.Details["hint"]!.GetValue<string>());
    }

    [Fact]
    public void ForRequest_JsonWithWrongToken_IsMismatch()
    {
        var request = new DefaultHttpContext().Request;
        request.Headers.Cookie = "csrf_token_x=abc";
        request.ContentType = "application/json";

        var error = CsrfErrors.ForRequest(request, "csrf_token_x", tokenSent: false);

        Assert.Equal(CsrfErrors.TokenMismatch, error.Details!["reject_reason"]!.GetValue<string>());
    }
}
