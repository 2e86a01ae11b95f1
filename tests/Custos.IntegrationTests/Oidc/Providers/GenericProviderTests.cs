using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.SelfService.Strategies.Oidc;
using static Custos.IntegrationTests.Oidc.Providers.ProviderHarness;

namespace Custos.IntegrationTests.Oidc.Providers;

/// <summary><c>provider: generic</c> against a local OpenID Provider: discovery, code exchange, ID token verification, userinfo.</summary>
public sealed partial class GenericProviderTests : IAsyncLifetime
{
    private FakeIdp _idp = null!;

    public async Task InitializeAsync() => _idp = await FakeIdp.StartAsync();

    public async Task DisposeAsync() => await _idp.DisposeAsync();

    [Fact]
    public async Task A_code_exchange_yields_the_verified_id_token_claims_and_the_tokens()
    {
        var claims = IdClaims(_idp.Issuer);
        claims["email"] = "jane@example.com";
        claims["email_verified"] = "true";
        claims["given_name"] = "Jane";
        claims["acr"] = "urn:mfa";
        claims["amr"] = new JsonArray("pwd", "otp");
        claims["custom"] = new JsonObject { ["x"] = 1 };
        var idToken = _idp.Sign(claims);
        _idp.Issue("code-1", idToken);
        var provider = Provider(Entry("generic", _idp.Url, "email"));

        var result = await provider.CompleteAsync(Callback("code-1"), default);

        var json = result.Claims.ToJson();
        Assert.Equal(_idp.Issuer, json["iss"]!.GetValue<string>());
        Assert.Equal("subject-1", json["sub"]!.GetValue<string>());
        Assert.Equal("jane@example.com", json["email"]!.GetValue<string>());
        Assert.True(json["email_verified"]!.GetValue<bool>());
        Assert.Equal("Jane", json["given_name"]!.GetValue<string>());
        Assert.Equal("urn:mfa", json["acr"]!.GetValue<string>());
        Assert.Equal(["pwd", "otp"], result.Claims.Amr);
        Assert.Equal(1, json["raw_claims"]!["custom"]!["x"]!.GetValue<int>());
        Assert.Equal("true", json["raw_claims"]!["email_verified"]!.GetValue<string>());
        Assert.Equal(new OidcTokens(idToken, _idp.AccessToken, "refresh-token-1"), result.Tokens);

        var token = _idp.Requests.Single(r => r.Path == "/token");
        Assert.StartsWith("Basic ", token.Authorization);
        Assert.Equal("code-1", token.Form["code"]);
        Assert.Equal(RedirectUri, token.Form["redirect_uri"]);
        Assert.False(token.Form.ContainsKey("code_verifier"));
    }

    [Fact]
    public async Task Auth_url_and_token_url_replace_the_discovered_endpoints()
    {
        _idp.Issue("code-1", _idp.Sign(IdClaims(_idp.Issuer)));
        var entry = Entry("generic", _idp.Url);
        entry.AuthUrl = _idp.Url + "/elsewhere/authorize";
        entry.TokenUrl = _idp.Url + "/elsewhere/token";
        var provider = Provider(entry);

        var url = await provider.AuthorizationUrlAsync(Authorize(), default);
        var result = await provider.CompleteAsync(Callback("code-1"), default);

        Assert.StartsWith(_idp.Url + "/elsewhere/authorize?", url);
        Assert.Equal("subject-1", result.Claims.Subject);
        Assert.Contains(_idp.Requests, r => r.Path == "/elsewhere/token");
        Assert.DoesNotContain(_idp.Requests, r => r.Path == "/token");
    }

    [Fact]
    public async Task An_es256_id_token_verifies()
    {
        _idp.Issue("code-1", _idp.Sign(IdClaims(_idp.Issuer), "ES256"));

        var result = await Provider(Entry("generic", _idp.Url)).CompleteAsync(Callback("code-1"), default);

        Assert.Equal("subject-1", result.Claims.Subject);
    }

    [Fact]
    public async Task The_authorization_url_carries_the_request_openid_requested_claims_and_only_allowed_upstream_parameters()
    {
        var config = Entry("generic", _idp.Url, "email", "profile");
        config.RequestedClaims = JsonDocument.Parse("""{"id_token":{"email":{"essential":true}}}""").RootElement.Clone();
        var upstream = new Dictionary<string, string> { ["hd"] = "example.com", ["login_hint"] = "victim@example.com", ["auth_type"] = "reauthenticate", ["foo"] = "bar" };

        var url = await Provider(config).AuthorizationUrlAsync(Authorize("challenge-1", upstream: upstream), default);

        Assert.StartsWith(_idp.Url + "/authorize?", url);
        var query = QueryOf(url);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("client-1", query["client_id"]);
        Assert.Equal(RedirectUri, query["redirect_uri"]);
        Assert.Equal("state-1", query["state"]);
        Assert.Equal("email profile openid", query["scope"]);
        Assert.Equal("""{"id_token":{"email":{"essential":true}}}""", query["claims"]);
        Assert.Equal("challenge-1", query["code_challenge"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal("example.com", query["hd"]);
        Assert.Equal("reauthenticate", query["auth_type"]);
        Assert.False(query.ContainsKey("login_hint"));
        Assert.False(query.ContainsKey("foo"));
        Assert.False(query.ContainsKey("prompt"));
        Assert.False(query.ContainsKey("nonce"));

        // x/oauth2 sorts the parameters and writes spaces as '+'.
        Assert.Contains("&scope=email+profile+openid&", url);
        var keys = new Uri(url).Query.TrimStart('?').Split('&').Select(p => p.Split('=')[0]).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
    }

    [Fact]
    public async Task A_refresh_sends_prompt_login_over_an_upstream_prompt()
    {
        var url = await Provider(Entry("generic", _idp.Url, "openid"))
            .AuthorizationUrlAsync(Authorize(forceLogin: true, upstream: new() { ["prompt"] = "select_account" }), default);

        var query = QueryOf(url);
        Assert.Equal("login", query["prompt"]);
        Assert.Equal("openid", query["scope"]);
        Assert.False(query.ContainsKey("code_challenge"));
    }

    [Fact]
    public async Task Pkce_auto_follows_the_discovery_document_and_force_and_never_do_not_ask()
    {
        Assert.True(await Provider(Entry("generic", _idp.Url)).UsesPkceAsync(default));

        _idp.CodeChallengeMethods = ["plain"];
        Assert.False(await Provider(Entry("generic", _idp.Url)).UsesPkceAsync(default));

        _idp.CodeChallengeMethods = null;
        Assert.False(await Provider(Entry("generic", _idp.Url)).UsesPkceAsync(default));

        var force = Entry("generic", _idp.Url);
        force.Pkce = "force";
        Assert.True(await Provider(force).UsesPkceAsync(default));

        _idp.CodeChallengeMethods = ["S256"];
        var never = Entry("generic", _idp.Url);
        never.Pkce = "never";
        Assert.False(await Provider(never).UsesPkceAsync(default));
    }

    [Fact]
    public async Task Pkce_auto_is_off_when_discovery_fails()
    {
        _idp.Issuer = "https://somewhere-else.example";

        Assert.False(await Provider(Entry("generic", _idp.Url)).UsesPkceAsync(default));
        Assert.False(await Provider(Entry("generic", "http://127.0.0.1:1")).UsesPkceAsync(default));
    }

    [Fact]
    public async Task The_code_verifier_goes_to_the_token_endpoint()
    {
        _idp.Issue("code-1", _idp.Sign(IdClaims(_idp.Issuer)), FakeIdp.Challenge("verifier-1"));

        var result = await Provider(Entry("generic", _idp.Url)).CompleteAsync(Callback("code-1", "verifier-1"), default);

        Assert.Equal("subject-1", result.Claims.Subject);
        Assert.Equal("verifier-1", _idp.Requests.Single(r => r.Path == "/token").Form["code_verifier"]);
    }

    [Fact]
    public async Task Claims_source_userinfo_reads_userinfo_with_the_id_tokens_issuer()
    {
        _idp.UserInfo = new JsonObject { ["sub"] = "subject-1", ["email"] = "u@example.com", ["picture"] = "https://p.example/a.png" };
        _idp.Issue("code-1", _idp.Sign(IdClaims(_idp.Issuer)));
        var config = Entry("generic", _idp.Url);
        config.ClaimsSource = "userinfo";

        var result = await Provider(config).CompleteAsync(Callback("code-1"), default);

        Assert.Equal("u@example.com", result.Claims.Email);
        Assert.Equal(_idp.Issuer, result.Claims.Issuer);
        Assert.Equal("https://p.example/a.png", result.Claims.Raw["picture"]!.GetValue<string>());
        Assert.Equal("Bearer " + _idp.AccessToken, _idp.Requests.Single(r => r.Path == "/userinfo").Authorization);
    }

    [Fact]
    public async Task Userinfo_about_another_subject_is_refused()
    {
        _idp.UserInfo = new JsonObject { ["sub"] = "someone-else", ["email"] = "u@example.com" };
        _idp.Issue("code-1", _idp.Sign(IdClaims(_idp.Issuer)));
        var config = Entry("generic", _idp.Url);
        config.ClaimsSource = "userinfo";

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => Provider(config).CompleteAsync(Callback("code-1"), default));

        Assert.Equal("sub (Subject) claim mismatch between ID token and UserInfo endpoint", e.Message);
    }

    [Fact]
    public async Task A_token_signed_by_a_key_the_provider_does_not_serve_is_refused_after_one_refetch()
    {
        using var stranger = System.Security.Cryptography.RSA.Create(2048);
        _idp.Issue("code-1", _idp.Sign(IdClaims(_idp.Issuer), key: stranger));

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => Provider(Entry("generic", _idp.Url)).CompleteAsync(Callback("code-1"), default));

        Assert.Equal(400, e.Status);
        Assert.Contains("signature", e.Message);
        Assert.Equal(1, _idp.JwksFetches);
    }

    [Fact]
    public async Task A_token_with_an_unknown_kid_makes_one_jwks_refetch_then_verifies()
    {
        var provider = Provider(Entry("generic", _idp.Url));
        _idp.Issue("code-1", _idp.Sign(IdClaims(_idp.Issuer)));
        await provider.CompleteAsync(Callback("code-1"), default);
        _idp.RotateRsa();
        _idp.Issue("code-2", _idp.Sign(IdClaims(_idp.Issuer, "subject-2")));

        var result = await provider.CompleteAsync(Callback("code-2"), default);

        Assert.Equal("subject-2", result.Claims.Subject);
        Assert.Equal(2, _idp.JwksFetches);

        _idp.Issue("code-3", _idp.Sign(IdClaims(_idp.Issuer, "subject-3"), kid: "never-served"));
        await Assert.ThrowsAsync<OidcProviderException>(() => provider.CompleteAsync(Callback("code-3"), default));
        Assert.Equal(3, _idp.JwksFetches);
    }
}
