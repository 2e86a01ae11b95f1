using System.Text.Json.Nodes;
using Custos.SelfService.Strategies.Oidc;
using static Custos.IntegrationTests.Oidc.Providers.ProviderHarness;

namespace Custos.IntegrationTests.Oidc.Providers;

/// <summary>Every upstream failure is an <see cref="OidcProviderException"/> with a reason, never a token.</summary>
public sealed partial class GenericProviderTests
{
    [Theory]
    [InlineData("iss", "https://evil.example", "issued by a different provider")]
    [InlineData("aud", "another-client", "expected audience")]
    public async Task A_token_for_another_issuer_or_audience_is_refused(string claim, string value, string reason)
    {
        var claims = IdClaims(_idp.Issuer);
        claims[claim] = value;
        _idp.Issue("code-1", _idp.Sign(claims));

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => Provider(Entry("generic", _idp.Url)).CompleteAsync(Callback("code-1"), default));

        Assert.Equal(400, e.Status);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public async Task An_expired_token_is_refused_without_leeway_and_a_future_nbf_within_five_minutes_is_accepted()
    {
        var time = new ManualTimeProvider();
        var provider = Provider(Entry("generic", _idp.Url), time: time);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var expired = IdClaims(_idp.Issuer);
        expired["exp"] = now - 1;
        _idp.Issue("code-1", _idp.Sign(expired));

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => provider.CompleteAsync(Callback("code-1"), default));
        Assert.Contains("expired", e.Message);

        var early = IdClaims(_idp.Issuer);
        early["iat"] = now;
        early["exp"] = now + 600;
        early["nbf"] = now + 240;
        _idp.Issue("code-2", _idp.Sign(early));
        Assert.Equal("subject-1", (await provider.CompleteAsync(Callback("code-2"), default)).Claims.Subject);

        early["nbf"] = now + 360;
        _idp.Issue("code-3", _idp.Sign(early));
        await Assert.ThrowsAsync<OidcProviderException>(() => provider.CompleteAsync(Callback("code-3"), default));
    }

    [Fact]
    public async Task A_token_without_sub_is_an_upstream_error()
    {
        var claims = IdClaims(_idp.Issuer);
        claims.Remove("sub");
        _idp.Issue("code-1", _idp.Sign(claims));

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => Provider(Entry("generic", _idp.Url)).CompleteAsync(Callback("code-1"), default));

        Assert.Equal(502, e.Status);
        Assert.Equal("provider did not return a subject", e.Message);
    }

    [Fact]
    public async Task A_token_answer_without_id_token_asks_for_the_openid_scope()
    {
        _idp.Issue("code-1", idToken: null);

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => Provider(Entry("generic", _idp.Url)).CompleteAsync(Callback("code-1"), default));

        Assert.Equal(400, e.Status);
        Assert.Contains("no id_token was returned", e.Message);
    }

    [Fact]
    public async Task An_unsigned_token_is_refused()
    {
        var header = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode("""{"alg":"none"}""");
        var payload = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(IdClaims(_idp.Issuer).ToJsonString());
        _idp.Issue("code-1", header + "." + payload + ".");

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => Provider(Entry("generic", _idp.Url)).CompleteAsync(Callback("code-1"), default));

        Assert.Contains("unsupported algorithm", e.Message);
    }

    [Fact]
    public async Task A_token_endpoint_error_is_named_without_the_code()
    {
        var e = await Assert.ThrowsAsync<OidcProviderException>(() => Provider(Entry("generic", _idp.Url)).CompleteAsync(Callback("code-unknown"), default));

        Assert.Equal(502, e.Status);
        Assert.Contains("invalid_grant", e.Message);
        Assert.DoesNotContain("code-unknown", e.Message);
    }

    [Fact]
    public async Task A_discovery_document_naming_another_issuer_is_refused()
    {
        _idp.Issuer = "https://accounts.example";

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => Provider(Entry("generic", _idp.Url)).AuthorizationUrlAsync(Authorize(), default));

        Assert.Equal(502, e.Status);
        Assert.Contains($"expected \"{_idp.Url}\" got \"https://accounts.example\"", e.Message);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"issuer":"x"}""")]
    public async Task A_broken_discovery_document_is_an_upstream_error(string body)
    {
        _idp.DiscoveryBody = body;

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => Provider(Entry("generic", _idp.Url)).AuthorizationUrlAsync(Authorize(), default));

        Assert.Equal(502, e.Status);
    }

    [Fact]
    public async Task A_failed_discovery_is_tried_again_on_the_next_use()
    {
        var provider = Provider(Entry("generic", _idp.Url));
        _idp.DiscoveryBody = "oops";
        await Assert.ThrowsAsync<OidcProviderException>(() => provider.AuthorizationUrlAsync(Authorize(), default));

        _idp.DiscoveryBody = null;
        var url = await provider.AuthorizationUrlAsync(Authorize(), default);

        Assert.StartsWith(_idp.Url + "/authorize?", url);
    }

    [Fact]
    public async Task An_unreachable_provider_is_an_upstream_error()
    {
        var port = SelfService.Policy.FakeRangeApi.FreePort();
        var provider = Provider(Entry("generic", $"http://127.0.0.1:{port}"));

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => provider.CompleteAsync(Callback("code-1"), default));

        Assert.Equal(502, e.Status);
        Assert.Contains("could not be reached", e.Message);
    }

    [Fact]
    public async Task The_private_address_guard_applies_to_discovery()
    {
        using var services = Services([Entry("generic", _idp.Url)], guard: true);
        var provider = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IOidcProviders>(services).Find("p")!;

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => provider.AuthorizationUrlAsync(Authorize(), default));

        Assert.Contains("disallow_private_ip_ranges", e.Message);
        Assert.Empty(_idp.Requests);
    }

    [Fact]
    public async Task A_bad_userinfo_answer_is_an_upstream_error()
    {
        _idp.AccessToken = "other";
        _idp.Issue("code-1", _idp.Sign(IdClaims(_idp.Issuer)));
        _idp.AccessToken = "access-token-1";
        var config = Entry("generic", _idp.Url);
        config.ClaimsSource = "userinfo";

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => Provider(config).CompleteAsync(Callback("code-1"), default));

        Assert.Equal(502, e.Status);
        Assert.Contains("401", e.Message);
        Assert.DoesNotContain("other", e.Message);
    }

    [Fact]
    public async Task The_registry_builds_known_kinds_in_order_and_leaves_unknown_ones_out()
    {
        var generic = Entry("generic", _idp.Url);
        var unknown = Entry("myspace", _idp.Url);
        unknown.Id = "u";
        var second = Entry("generic", _idp.Url);
        second.Id = "q";
        using var services = Services([generic, unknown, second], enabled: false);
        var providers = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IOidcProviders>(services);

        Assert.Equal(["p", "q"], providers.All.Select(p => p.Config.Id));
        Assert.Null(providers.Find("u"));
        Assert.Null(providers.Find("nope"));
        Assert.Same(providers.All[1], providers.Find("q"));
    }
}
