using System.Text.Json.Nodes;
using Custos.SelfService.Strategies.Oidc;
using static Custos.IntegrationTests.Oidc.Providers.ProviderHarness;

namespace Custos.IntegrationTests.Oidc.Providers;

/// <summary><c>auth0</c> and <c>gitlab</c>: endpoints below <c>issuer_url</c>, claims from userinfo with the access token.</summary>
public sealed class UserInfoProviderTests : IAsyncLifetime
{
    private FakeIdp _idp = null!;

    public async Task InitializeAsync() => _idp = await FakeIdp.StartAsync();

    public async Task DisposeAsync() => await _idp.DisposeAsync();

    [Fact]
    public async Task Auth0_reads_userinfo_with_updated_at_as_a_date_string_and_its_tenant_as_issuer()
    {
        _idp.UserInfo = new JsonObject
        {
            ["sub"] = "auth0|123",
            ["email"] = "jane@example.com",
            ["email_verified"] = true,
            ["nickname"] = "jane",
            ["updated_at"] = "2024-05-06T07:08:09.000Z",
        };
        _idp.Issue("code-1", idToken: null);
        var provider = Provider(Entry("auth0", _idp.Url + "/", "email"));

        var result = await provider.CompleteAsync(Callback("code-1"), default);
        var url = await provider.AuthorizationUrlAsync(Authorize(), default);

        var json = result.Claims.ToJson();
        Assert.Equal(_idp.Url + "/", json["iss"]!.GetValue<string>());
        Assert.Equal("auth0|123", json["sub"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero).ToUnixTimeSeconds(), json["updated_at"]!.GetValue<long>());
        Assert.Equal("jane", json["nickname"]!.GetValue<string>());
        Assert.Equal("/oauth/token", _idp.Requests.Single(r => r.Method == "POST").Path);
        Assert.Equal("Bearer " + _idp.AccessToken, _idp.Requests.Single(r => r.Path == "/userinfo").Authorization);
        Assert.StartsWith(_idp.Url + "/authorize?", url);
        Assert.Equal("email", QueryOf(url)["scope"]);
    }

    [Fact]
    public async Task Gitlab_uses_its_oauth_paths_and_keeps_an_issuer_the_answer_names()
    {
        _idp.UserInfo = new JsonObject { ["sub"] = "42", ["iss"] = "https://gitlab.example", ["preferred_username"] = "jd", ["groups"] = new JsonArray("a") };
        _idp.Issue("code-1", idToken: null);
        var provider = Provider(Entry("gitlab", _idp.Url, "openid", "read_user"));

        var result = await provider.CompleteAsync(Callback("code-1"), default);
        var url = await provider.AuthorizationUrlAsync(Authorize(), default);

        Assert.Equal("https://gitlab.example", result.Claims.Issuer);
        Assert.Equal("jd", result.Claims.PreferredUsername);
        Assert.Equal("a", result.Claims.Raw["groups"]![0]!.GetValue<string>());
        Assert.Equal("/oauth/token", _idp.Requests.Single(r => r.Method == "POST").Path);
        Assert.Contains(_idp.Requests, r => r.Path == "/oauth/userinfo");
        Assert.StartsWith(_idp.Url + "/oauth/authorize?", url);
        Assert.Equal("openid read_user", QueryOf(url)["scope"]);
    }

    [Fact]
    public async Task Gitlab_without_issuer_url_targets_gitlab_com_and_skips_pkce_discovery()
    {
        var provider = Provider(Entry("gitlab", null, "read_user"));

        var url = await provider.AuthorizationUrlAsync(Authorize(), default);

        Assert.StartsWith("https://gitlab.com/oauth/authorize?", url);
        Assert.False(await provider.UsesPkceAsync(default));
    }

    [Fact]
    public async Task A_userinfo_answer_without_sub_is_an_upstream_error()
    {
        _idp.UserInfo = new JsonObject { ["email"] = "x@example.com" };
        _idp.Issue("code-1", idToken: null);

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => Provider(Entry("auth0", _idp.Url, "email")).CompleteAsync(Callback("code-1"), default));

        Assert.Equal((502, "provider did not return a subject"), (e.Status, e.Message));
    }
}
