using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.SelfService.Strategies.Oidc;
using Custos.SelfService.Strategies.Oidc.Providers.OAuth2;
using Microsoft.AspNetCore.WebUtilities;

namespace Custos.IntegrationTests.Oidc.OAuth2;

/// <summary>The <c>facebook</c> preset against a loopback server speaking the Graph API's token and <c>/me</c> shapes.</summary>
public sealed class FacebookProviderTests : IAsyncLifetime
{
    private FakeUpstream _fake = null!;
    private PresetHost _host = null!;
    private FacebookFake _facebook = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeUpstream.StartAsync();
        _host = new PresetHost(_fake.BaseUrl);
        var config = PresetHost.Config("facebook");
        _facebook = new FacebookFake(_fake, config.ClientId, config.ClientSecret!, PresetHost.RedirectUri + config.Id);
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task AuthorizationUrl_AddsOpenid_PromptLoginOnRefresh_AndRequestedClaims()
    {
        var config = PresetHost.Config("facebook", "email", "public_profile");
        config.RequestedClaims = JsonDocument.Parse("""{"id_token":{"email":{"essential":true}}}""").RootElement;
        var provider = _host.Create(config);

        var url = await provider.AuthorizationUrlAsync(
            new OidcAuthorizationRequest("st", PresetHost.RedirectUri + "facebook-main", null, ForceLogin: true, new Dictionary<string, string> { ["auth_type"] = "rerequest" }), default);

        Assert.StartsWith(_fake.BaseUrl + "/dialog/oauth?", url, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(new Uri(url).Query);
        Assert.Equal("email public_profile openid", query["scope"]);
        Assert.Equal("login", query["prompt"]);
        Assert.Equal("rerequest", query["auth_type"]);
        Assert.Equal("""{"id_token":{"email":{"essential":true}}}""", query["claims"]);
    }

    [Fact]
    public async Task AuthorizationUrl_WithoutRefresh_HasNoPrompt()
    {
        var provider = _host.Create(PresetHost.Config("facebook", "email", "openid"));

        var url = await provider.AuthorizationUrlAsync(
            new OidcAuthorizationRequest("st", PresetHost.RedirectUri + "facebook-main", null, false, new Dictionary<string, string>()), default);

        var query = QueryHelpers.ParseQuery(new Uri(url).Query);
        Assert.False(query.ContainsKey("prompt"));
        Assert.Equal("email openid", query["scope"]);
    }

    [Fact]
    public async Task Complete_ReadsMeWithTheAppSecretProof()
    {
        var provider = _host.Create(PresetHost.Config("facebook", "email"));

        var result = await provider.CompleteAsync(PresetHost.Callback("facebook-main"), default);

        var expected = JsonNode.Parse("""
            {"iss":"https://graph.facebook.com/me?fields=id,name,first_name,last_name,middle_name,email,picture,birthday,gender",
             "sub":"10224046950121345","name":"Jane Q Doe","given_name":"Jane","family_name":"Doe","middle_name":"Q",
             "nickname":"Jane Q Doe","preferred_username":"Jane Q Doe",
             "picture":"https://platform-lookaside.fbsbx.com/platform/profilepic/?asid=10224046950121345",
             "email":"jane@example.com","email_verified":true,"gender":"female","birthdate":"08/31/1990"}
            """)!.AsObject();
        expected["raw_claims"] = _facebook.Me.DeepClone();
        var actual = result.Claims.ToJson();
        Assert.True(JsonNode.DeepEquals(expected, actual), actual.ToJsonString());
        Assert.Equal(FacebookFake.AccessToken, result.Tokens.AccessToken);
        var me = Assert.Single(_fake.To("/me"));
        Assert.Equal(FacebookProvider.Fields, me.Query["fields"]);
        Assert.Equal(64, me.Query["appsecret_proof"].Length);
    }

    [Fact]
    public async Task Complete_NoEmail_IsNotVerified()
    {
        _facebook.Me.AsObject().Remove("email");
        var provider = _host.Create(PresetHost.Config("facebook"));

        var claims = (await provider.CompleteAsync(PresetHost.Callback("facebook-main"), default)).Claims.ToJson();

        Assert.False(claims.ContainsKey("email"));
        Assert.False(claims.ContainsKey("email_verified"));
    }

    [Fact]
    public async Task Complete_UsedCode_FailsWithTheTokenEndpointsError()
    {
        var provider = _host.Create(PresetHost.Config("facebook"));

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => provider.CompleteAsync(PresetHost.Callback("facebook-main", code: "used"), default));

        Assert.Equal(502, e.Status);
        Assert.Contains("Unable to exchange the OAuth2 authorization code", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(500)]
    public async Task Complete_GraphError_FailsAsUpstreamError(int status)
    {
        _facebook.MeStatus = status;
        var provider = _host.Create(PresetHost.Config("facebook"));

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => provider.CompleteAsync(PresetHost.Callback("facebook-main"), default));

        Assert.Equal(502, e.Status);
        Assert.Contains($"returned a {status} status code", e.Message, StringComparison.Ordinal);
    }
}
