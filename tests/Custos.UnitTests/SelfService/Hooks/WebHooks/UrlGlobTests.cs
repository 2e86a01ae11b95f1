using Custos.SelfService.Hooks.WebHooks;

namespace Custos.UnitTests.SelfService.Hooks.WebHooks;

/// <summary>Kratos's glob syntax for <c>clients.http.private_ip_exception_urls</c> (separators <c>.</c> and <c>/</c>).</summary>
public sealed class UrlGlobTests
{
    [Theory]
    [InlineData("http://127.0.0.1:4000/hook", "http://127.0.0.1:4000/hook", true)]
    [InlineData("http://127.0.0.1:4000/hook", "http://127.0.0.1:4000/hooks", false)]
    [InlineData("http://127.0.0.1:4000/*", "http://127.0.0.1:4000/hook", true)]
    [InlineData("http://127.0.0.1:4000/*", "http://127.0.0.1:4000/a/b", false)]
    [InlineData("http://127.0.0.1:4000/**", "http://127.0.0.1:4000/a/b", true)]
    [InlineData("http://*.internal/hook", "http://crm.internal/hook", true)]
    [InlineData("http://*.internal/hook", "http://evil.crm.internal/hook", false)]
    [InlineData("http://hooks.internal/{a,b}", "http://hooks.internal/b", true)]
    [InlineData("http://hooks.internal/{a,b}", "http://hooks.internal/c", false)]
    [InlineData("http://hooks.internal/v[0-9]", "http://hooks.internal/v2", true)]
    [InlineData("http://hooks.internal/v[!0-9]", "http://hooks.internal/v2", false)]
    [InlineData("http://hooks.internal/?", "http://hooks.internal/x", true)]
    [InlineData("http://hooks.internal/hook", "http://hooks.internal/hook/../admin", false)]
    public void Matches_AsKratosDoes(string glob, string url, bool matches)
    {
        Assert.Equal(matches, UrlGlob.Parse(glob).IsMatch(url));
    }
}
