using System.Text.Json.Nodes;
using Custos.SelfService.Strategies.Oidc;
using Custos.SelfService.Strategies.Oidc.Providers.OAuth2;
using Microsoft.AspNetCore.WebUtilities;

namespace Custos.IntegrationTests.Oidc.OAuth2;

/// <summary>The <c>github</c> preset against a loopback server speaking GitHub's OAuth and REST shapes.</summary>
public sealed class GitHubProviderTests : IAsyncLifetime
{
    private FakeUpstream _fake = null!;
    private PresetHost _host = null!;
    private GitHubFake _github = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeUpstream.StartAsync();
        _host = new PresetHost(_fake.BaseUrl);
        var config = PresetHost.Config("github");
        _github = new GitHubFake(_fake, config.ClientId, config.ClientSecret!, PresetHost.RedirectUri + config.Id);
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task AuthorizationUrl_HasTheCodeRequest_AndNoPromptEvenOnRefresh()
    {
        var provider = _host.Create(PresetHost.Config("github", "read:user", "user:email"));

        var url = await provider.AuthorizationUrlAsync(
            new OidcAuthorizationRequest("the-state", PresetHost.RedirectUri + "github-main", "chal", ForceLogin: true, new Dictionary<string, string>()), default);

        Assert.StartsWith(_fake.BaseUrl + "/login/oauth/authorize?", url, StringComparison.Ordinal);
        Assert.Contains("scope=read%3Auser+user%3Aemail", url, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(new Uri(url).Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("client id/1", query["client_id"]);
        Assert.Equal(PresetHost.RedirectUri + "github-main", query["redirect_uri"]);
        Assert.Equal("the-state", query["state"]);
        Assert.Equal("chal", query["code_challenge"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.False(query.ContainsKey("prompt"));
    }

    [Theory]
    [InlineData("auto", false)]
    [InlineData("never", false)]
    [InlineData("force", true)]
    public async Task UsesPkce_OnlyWhenForced(string pkce, bool expected)
    {
        var config = PresetHost.Config("github");
        config.Pkce = pkce;

        Assert.Equal(expected, await _host.Create(config).UsesPkceAsync(default));
    }

    [Fact]
    public async Task Complete_ReadsTheUserAndThePrimaryEmail()
    {
        var provider = _host.Create(PresetHost.Config("github", "read:user", "user:email"));

        var result = await provider.CompleteAsync(PresetHost.Callback("github-main", verifier: "the-verifier"), default);

        var expected = JsonNode.Parse("""
            {"iss":"https://github.com/login/oauth/access_token","sub":"583231","name":"The Octocat","nickname":"octocat",
             "profile":"https://github.com/octocat","picture":"https://avatars.githubusercontent.com/u/583231?v=4",
             "website":"https://github.blog","email":"octocat@example.com","email_verified":true,"updated_at":1695381921}
            """)!.AsObject();
        expected["raw_claims"] = _github.User.DeepClone();
        var actual = result.Claims.ToJson();
        Assert.True(JsonNode.DeepEquals(expected, actual), actual.ToJsonString());
        Assert.Equal(new OidcTokens("", GitHubFake.AccessToken, ""), result.Tokens);

        var token = Assert.Single(_fake.To("/login/oauth/access_token"));
        Assert.Equal(("client id/1", "s3cret:+&"), token.Basic());
        Assert.Equal("authorization_code", token.Form["grant_type"]);
        Assert.Equal("the-verifier", token.Form["code_verifier"]);
        foreach (var api in _fake.To("/api/user").Concat(_fake.To("/api/user/emails")))
        {
            Assert.Equal("Bearer " + GitHubFake.AccessToken, api.Header("Authorization"));
            Assert.Equal("application/vnd.github+json", api.Header("Accept"));
            Assert.False(string.IsNullOrEmpty(api.Header("User-Agent")));
        }

        Assert.Single(_fake.To("/api/user/emails"));
    }

    [Fact]
    public async Task Complete_FormEncodedTokenAnswer_IsRead()
    {
        _github.FormAnswer = true;
        var provider = _host.Create(PresetHost.Config("github", "user:email"));

        var result = await provider.CompleteAsync(PresetHost.Callback("github-main"), default);

        Assert.Equal(GitHubFake.AccessToken, result.Tokens.AccessToken);
        Assert.Equal("octocat@example.com", result.Claims.Email);
    }

    [Fact]
    public async Task Complete_ConfiguredScopeNotGranted_FailsWithScopeMissing()
    {
        _github.GrantedScope = "read:user";
        var provider = _host.Create(PresetHost.Config("github", "read:user", "user:email"));

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => provider.CompleteAsync(PresetHost.Callback("github-main"), default));

        Assert.Equal(400, e.Status);
        Assert.Equal("Unable to finish because one or more permissions were not granted. Please retry and accept all permissions.", e.Message);
        Assert.Empty(_fake.To("/api/user"));
    }

    [Fact]
    public async Task Complete_WithoutUserEmailScope_LeavesTheEmailOut()
    {
        _github.GrantedScope = "read:user";
        var provider = _host.Create(PresetHost.Config("github", "read:user"));

        var result = await provider.CompleteAsync(PresetHost.Callback("github-main"), default);

        Assert.Null(result.Claims.Email);
        Assert.False(result.Claims.EmailVerified);
        Assert.Empty(_fake.To("/api/user/emails"));
    }

    [Fact]
    public async Task Complete_UnverifiedPrimaryEmail_IsTakenUnverified()
    {
        _github.Emails = JsonNode.Parse("""
            [{"email":"verified@example.com","primary":false,"verified":true},{"email":"primary@example.com","primary":true,"verified":false}]
            """)!;
        var provider = _host.Create(PresetHost.Config("github", "user:email"));

        var claims = (await provider.CompleteAsync(PresetHost.Callback("github-main"), default)).Claims.ToJson();

        Assert.Equal("primary@example.com", (string?)claims["email"]);
        Assert.False(claims.ContainsKey("email_verified"));
    }

    [Fact]
    public async Task Complete_NoPrimaryEmail_LeavesTheEmailOut()
    {
        _github.Emails = JsonNode.Parse("""[{"email":"other@example.com","primary":false,"verified":true}]""")!;
        var provider = _host.Create(PresetHost.Config("github", "user:email"));

        var claims = (await provider.CompleteAsync(PresetHost.Callback("github-main"), default)).Claims;

        Assert.Null(claims.Email);
        Assert.False(claims.EmailVerified);
    }

    [Fact]
    public async Task Complete_WrongCode_FailsWithTheTokenEndpointsError()
    {
        var provider = _host.Create(PresetHost.Config("github"));

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => provider.CompleteAsync(PresetHost.Callback("github-main", code: "stale"), default));

        Assert.Equal(502, e.Status);
        Assert.Contains("bad_verification_code", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(500)]
    public async Task Complete_UserApiError_FailsAsUpstreamError(int status)
    {
        _github.UserStatus = status;
        var provider = _host.Create(PresetHost.Config("github"));

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => provider.CompleteAsync(PresetHost.Callback("github-main"), default));

        Assert.Equal(502, e.Status);
        Assert.Contains($"returned a {status} status code", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(GitHubFake.AccessToken, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"login":"octocat"}""")]
    [InlineData("""{"login":"octocat","id":"583231"}""")]
    [InlineData("""[1,2]""")]
    public async Task Complete_UserWithoutNumericId_Fails(string user)
    {
        _github.User = JsonNode.Parse(user)!;
        var provider = _host.Create(PresetHost.Config("github"));

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => provider.CompleteAsync(PresetHost.Callback("github-main"), default));

        Assert.Equal(502, e.Status);
    }

    [Fact]
    public async Task Complete_EmailsNotAnArray_Fails()
    {
        _github.Emails = JsonNode.Parse("""{"message":"Not Found"}""")!;
        var provider = _host.Create(PresetHost.Config("github", "user:email"));

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => provider.CompleteAsync(PresetHost.Callback("github-main"), default));

        Assert.Contains("email addresses", e.Message, StringComparison.Ordinal);
    }
}
