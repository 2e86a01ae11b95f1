using Custos.Config;
using Custos.SelfService.Flows.Csrf;
using Microsoft.AspNetCore.Http;

namespace Custos.UnitTests.SelfService.Flows.Csrf;

public sealed class CsrfCookieTests
{
    private const string Name = "csrf_token_b0a7a50e12eb6fba434123c011075e74b9a22fff16488756b986523cfad47b8f";

    [Fact]
    public void EnsureCookie_WithoutCookie_SetsASecureLaxHttpOnlyCookieForAYear()
    {
        var cookie = new CsrfCookie(new TestOptions());
        var context = new DefaultHttpContext();

        var token = cookie.EnsureCookie(context);

        var header = Assert.Single(context.Response.Headers.SetCookie.ToArray());
        Assert.Equal($"{Name}={token}; max-age=31536000; path=/; secure; samesite=lax; httponly", header);
        Assert.Equal(token, cookie.EnsureCookie(context));
        Assert.Single(context.Response.Headers.SetCookie.ToArray());
    }

    [Fact]
    public void EnsureCookie_WithAValidCookie_KeepsIt()
    {
        var cookie = new CsrfCookie(new TestOptions());
        var existing = CsrfTokens.NewToken();
        var context = WithCookie(Name, existing);

        var token = cookie.EnsureCookie(context);

        Assert.Equal(existing, token);
        Assert.Empty(context.Response.Headers.SetCookie.ToArray());
    }

    [Fact]
    public void EnsureCookie_WithAMalformedCookie_ReplacesIt()
    {
        var cookie = new CsrfCookie(new TestOptions());
        var context = WithCookie(Name, "garbage");

        var token = cookie.EnsureCookie(context);

        Assert.NotEqual("garbage", token);
        Assert.True(CsrfTokens.IsWellFormed(token));
        Assert.Single(context.Response.Headers.SetCookie.ToArray());
    }

    [Fact]
    public void Rotate_IssuesANewToken()
    {
        var cookie = new CsrfCookie(new TestOptions());
        var existing = CsrfTokens.NewToken();
        var context = WithCookie(Name, existing);

        var rotated = cookie.Rotate(context);

        Assert.NotEqual(existing, rotated);
        Assert.Equal(rotated, cookie.EnsureCookie(context));
        Assert.StartsWith($"{Name}={rotated};", context.Response.Headers.SetCookie.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NotSecure_ForcesLax_AndHonoursPathAndDomain()
    {
        var cookie = new CsrfCookie(new TestOptions(o =>
        {
            o.Cookies.Secure = false;
            o.Cookies.SameSite = CookieSameSite.None;
            o.Cookies.Path = "/auth";
            o.Cookies.Domain = "example.com";
        }));
        var context = new DefaultHttpContext();

        var token = cookie.EnsureCookie(context);

        Assert.Equal($"{Name}={token}; max-age=31536000; domain=example.com; path=/auth; samesite=lax; httponly", context.Response.Headers.SetCookie.ToString());
    }

    [Fact]
    public void SecureCookie_KeepsConfiguredSameSite()
    {
        var cookie = new CsrfCookie(new TestOptions(o => o.Cookies.SameSite = CookieSameSite.None));
        var context = new DefaultHttpContext();

        cookie.EnsureCookie(context);

        Assert.Contains("samesite=none", context.Response.Headers.SetCookie.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Name_FollowsThePublicUrl_DerivedWhenNotConfigured()
    {
        var cookie = new CsrfCookie(new TestOptions(o =>
        {
            o.Serve.Public.BaseUrl = null;
            o.Dev = true;
        }));

        Assert.Equal(CsrfTokens.CookieName("http://127.0.0.1:4433/"), cookie.Name);
    }

    [Fact]
    public void Matches_ChecksTheSubmittedTokenAgainstTheRequestCookie()
    {
        var cookie = new CsrfCookie(new TestOptions());
        var token = CsrfTokens.NewToken();
        var context = WithCookie(Name, token);

        Assert.True(cookie.Matches(context.Request, CsrfTokens.Mask(token)));
        Assert.False(cookie.Matches(context.Request, CsrfTokens.Mask(CsrfTokens.NewToken())));
        Assert.False(cookie.Matches(new DefaultHttpContext().Request, CsrfTokens.Mask(token)));
    }

    [Fact]
    public void MaskedToken_UnmasksToTheCookie()
    {
        var cookie = new CsrfCookie(new TestOptions());
        var context = new DefaultHttpContext();

        var masked = cookie.MaskedToken(context);

        Assert.True(CsrfTokens.Verify(masked, cookie.Read(context.Request)));
    }

    private static DefaultHttpContext WithCookie(string name, string value)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = $"{name}={value}";
        return context;
    }
}
