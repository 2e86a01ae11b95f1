using Custos.Hosting;
using Custos.SelfService.Flows.ReturnTo;

namespace Custos.UnitTests.SelfService.Flows.ReturnTo;

public sealed class ReturnToValidatorTests
{
    private static readonly string[] Allowed = ["https://good.com/app", "https://*.example.org/", "https://*.com", "*", "https://*foo.com", "myapp://callback"];

    [Theory]
    // allowed, and what the browser is sent to
    [InlineData("https://good.com/app/dashboard", "https://good.com/app/dashboard")]
    [InlineData("https://good.com/app", "https://good.com/app")]
    [InlineData("/app/x?y=1#z", "https://good.com/app/x?y=1#z")]
    [InlineData("//good.com/app/x", "https://good.com/app/x")]
    [InlineData("https://GOOD.COM/app/x", "https://good.com/app/x")]
    [InlineData("https://good.com:443/app", "https://good.com/app")]
    [InlineData("https://good.com/application", "https://good.com/application")] // Kratos compares paths by prefix
    [InlineData("https://a.example.org/x", "https://a.example.org/x")]
    [InlineData("https://auth.good.com/self-service/login/browser", "https://auth.good.com/self-service/login/browser")]
    [InlineData("myapp://callback/done", "myapp://callback/done")]
    // refused
    [InlineData("/admin", null)]
    [InlineData("//evil.com", null)]
    [InlineData("//evil.com/app", null)]
    [InlineData("https://good.com@evil.com/app", null)]
    [InlineData("https://good.com:pw@good.com/app", null)]
    [InlineData("https://good.com.evil.com/app", null)]
    [InlineData("https://evil.com/good.com", null)]
    [InlineData("https://evil.com/app", null)]
    [InlineData("https://good.com/app/%0d%0aSet-Cookie:x", null)]
    [InlineData("https://good.com/app/%0D%0ASet-Cookie:x", null)]
    [InlineData("https://good.com/app/\r\nSet-Cookie:x", null)]
    [InlineData("https://good.com/app\nx", null)]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("javascript://good.com/app%0aalert(1)", null)]
    [InlineData("data:text/html,<script>alert(1)</script>", null)]
    [InlineData("ftp://good.com/app", null)]
    [InlineData("http://good.com/app", null)]
    [InlineData("https://good.com:8443/app", null)]
    [InlineData("https:\\\\evil.com", null)]
    [InlineData("https:/evil.com/app", null)]
    [InlineData("/\\evil.com", null)]
    [InlineData("\\\\evil.com", null)]
    [InlineData("https://good.com/app/../admin", null)]
    [InlineData("https://good.com/app/%2e%2e/admin", null)]
    [InlineData("https://good.com/app/%2E%2E%5Cadmin", null)]
    [InlineData("https://gооd.com/app", null)] // Cyrillic "о"
    [InlineData("https://xn--gd-dmcb.com/app", null)]
    [InlineData(" https://good.com/app", null)]
    [InlineData("\thttps://good.com/app", null)]
    [InlineData("https://good.com/app ", null)]
    [InlineData(" ", null)]
    [InlineData("app/x", null)]
    [InlineData("?x=1", null)]
    [InlineData("https://example.org/x", null)]
    [InlineData("https://evilexample.org/", null)]
    [InlineData("https://anything.com/", null)]
    [InlineData("https://evilfoo.com/", null)]
    [InlineData("https://auth.good.com/admin", null)]
    [InlineData("file:///etc/passwd", null)]
    public void Validate(string returnTo, string? expected)
    {
        var validator = Validator();

        if (expected is null)
        {
            var error = Assert.Throws<CustosException>(() => validator.Validate(returnTo));
            Assert.Equal(400, error.Code);
            Assert.Equal("self_service_flow_return_to_forbidden", error.Id);
            Assert.False(validator.IsAllowed(returnTo));
        }
        else
        {
            Assert.Equal(expected, validator.Validate(returnTo)!.AbsoluteUri);
            Assert.True(validator.IsAllowed(returnTo));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Validate_NoReturnTo_IsNull(string? returnTo)
    {
        Assert.Null(Validator().Validate(returnTo));
    }

    [Fact]
    public void Forbidden_QuotesTheResolvedUrl()
    {
        var error = Assert.Throws<CustosException>(() => Validator().Validate("/admin"));

        Assert.Equal("Requested return_to URL \"https://good.com/admin\" is not allowed.", error.Reason);
        Assert.Equal("The request was malformed or contained invalid parameters", error.Message);
    }

    [Fact]
    public void LegacyInsecureOrigins_HonoursUnboundedWildcards()
    {
        var validator = Validator(legacy: true);

        Assert.Equal("https://anything.com/", validator.Validate("https://anything.com/")!.AbsoluteUri);
        Assert.Equal("https://evilfoo.com/", validator.Validate("https://evilfoo.com/")!.AbsoluteUri);
    }

    [Fact]
    public void RelativeUrls_UseTheGivenDefault()
    {
        var validator = Validator();

        var uri = validator.Validate("/x", "https://b.example.org/home");

        Assert.Equal("https://b.example.org/x", uri!.AbsoluteUri);
        Assert.Throws<CustosException>(() => validator.Validate("/app/next", "https://good.com:8443/other"));
    }

    [Fact]
    public void ReturnOrDefault_FallsBackInOrder()
    {
        var validator = Validator();

        Assert.Equal("https://good.com/app/x", validator.ReturnOrDefault("https://good.com/app/x", "https://good.com/app/after"));
        Assert.Equal("https://good.com/app/after", validator.ReturnOrDefault(null, null, "https://good.com/app/after"));
        Assert.Equal("https://good.com/app/welcome", validator.ReturnOrDefault(null));
        Assert.Throws<CustosException>(() => validator.ReturnOrDefault("https://evil.com/"));
    }

    [Fact]
    public void FromRequestUrl_ReadsTheReturnToQuery()
    {
        Assert.Equal("https://good.com/app?a=1", ReturnToValidator.FromRequestUrl("https://auth.good.com/self-service/login/browser?return_to=https%3A%2F%2Fgood.com%2Fapp%3Fa%3D1"));
        Assert.Null(ReturnToValidator.FromRequestUrl("https://auth.good.com/self-service/login/browser"));
        Assert.Null(ReturnToValidator.FromRequestUrl(null));
    }

    [Theory]
    [InlineData("*", true)]
    [InlineData("*.com", true)]
    [InlineData("*foo.com", true)]
    [InlineData("foo.*.com", true)]
    [InlineData("*.co.uk", true)]
    [InlineData("*.github.io", true)]
    [InlineData("*.example.com", false)]
    [InlineData("*.example.co.uk", false)]
    [InlineData("*.example.com:8443", false)]
    [InlineData("example.com", false)]
    public void WildcardHost_IsUnsafe(string host, bool unsafeWildcard)
    {
        Assert.Equal(unsafeWildcard, WildcardHost.IsUnsafe(host));
    }

    private static ReturnToValidator Validator(bool legacy = false) => new(new TestOptions(o =>
    {
        o.Serve.Public.BaseUrl = "https://auth.good.com/";
        o.Selfservice.DefaultBrowserReturnUrl = "https://good.com/app/welcome";
        o.Selfservice.AllowedReturnUrls = [.. Allowed];
        o.FeatureFlags.LegacyAllowInsecureOrigins = legacy;
    }));
}
