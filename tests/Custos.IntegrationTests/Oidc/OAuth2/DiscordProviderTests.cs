using System.Text.Json.Nodes;
using Custos.SelfService.Strategies.Oidc;
using Microsoft.AspNetCore.WebUtilities;

namespace Custos.IntegrationTests.Oidc.OAuth2;

/// <summary>The <c>discord</c> preset against a loopback server speaking Discord's OAuth2 and <c>/users/@me</c> shapes.</summary>
public sealed class DiscordProviderTests : IAsyncLifetime
{
    private FakeUpstream _fake = null!;
    private PresetHost _host = null!;
    private DiscordFake _discord = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeUpstream.StartAsync();
        _host = new PresetHost(_fake.BaseUrl);
        var config = PresetHost.Config("discord");
        _discord = new DiscordFake(_fake, config.ClientId, config.ClientSecret!, PresetHost.RedirectUri + config.Id);
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _fake.DisposeAsync();
    }

    [Theory]
    [InlineData(false, null, "none")]
    [InlineData(true, null, "consent")]
    [InlineData(false, "consent", "consent")]
    public async Task AuthorizationUrl_PromptsAsKratos_UpstreamPromptWins(bool refresh, string? upstream, string expected)
    {
        var provider = _host.Create(PresetHost.Config("discord", "identify", "email"));
        var parameters = upstream is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["prompt"] = upstream };

        var url = await provider.AuthorizationUrlAsync(
            new OidcAuthorizationRequest("st", PresetHost.RedirectUri + "discord-main", null, refresh, parameters), default);

        Assert.StartsWith(_fake.BaseUrl + "/api/oauth2/authorize?", url, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(new Uri(url).Query);
        Assert.Equal(expected, query["prompt"]);
        Assert.Equal("identify email", query["scope"]);
        Assert.Equal("code", query["response_type"]);
        Assert.False(query.ContainsKey("code_challenge"));
    }

    [Fact]
    public async Task Complete_ReadsTheUser()
    {
        _discord.Verifier = "the-verifier";
        var provider = _host.Create(PresetHost.Config("discord", "identify", "email"));

        var result = await provider.CompleteAsync(PresetHost.Callback("discord-main", verifier: "the-verifier"), default);

        var expected = JsonNode.Parse("""
            {"iss":"https://discord.com/api/v9/oauth2/","sub":"80351110224678912","name":"nelly#1337","nickname":"nelly",
             "preferred_username":"nelly","picture":"https://cdn.discordapp.com/avatars/80351110224678912/8342729096ea3675442027381ff50dfe.png",
             "email":"nelly@discord.com","email_verified":true,"locale":"en-US"}
            """)!.AsObject();
        expected["raw_claims"] = _discord.Me.DeepClone();
        var actual = result.Claims.ToJson();
        Assert.True(JsonNode.DeepEquals(expected, actual), actual.ToJsonString());
        Assert.Equal(new OidcTokens("", DiscordFake.AccessToken, "D43f5y0ahjqew82jZ4NViEr2YafMKhue"), result.Tokens);
        Assert.Equal(("client id/1", "s3cret:+&"), Assert.Single(_fake.To("/api/oauth2/token")).Basic());
    }

    [Theory]
    [InlineData("a_1269e74af4df7417b13759eae50c83dc", "1337", "https://cdn.discordapp.com/avatars/80351110224678912/a_1269e74af4df7417b13759eae50c83dc.gif")]
    [InlineData(null, "1337", "https://cdn.discordapp.com/embed/avatars/2.png")]
    [InlineData(null, "0", "https://cdn.discordapp.com/embed/avatars/5.png")]
    public async Task Complete_BuildsTheAvatarUrlAsDiscordgo(string? avatar, string discriminator, string expected)
    {
        _discord.Me["avatar"] = avatar;
        _discord.Me["discriminator"] = discriminator;
        var provider = _host.Create(PresetHost.Config("discord"));

        var claims = (await provider.CompleteAsync(PresetHost.Callback("discord-main"), default)).Claims;

        Assert.Equal(expected, claims.Picture);
        Assert.Equal("nelly#" + discriminator, claims.Name);
    }

    [Fact]
    public async Task Complete_UnverifiedEmail_IsNotVerified()
    {
        _discord.Me["verified"] = false;
        var provider = _host.Create(PresetHost.Config("discord"));

        var claims = (await provider.CompleteAsync(PresetHost.Callback("discord-main"), default)).Claims.ToJson();

        Assert.Equal("nelly@discord.com", (string?)claims["email"]);
        Assert.False(claims.ContainsKey("email_verified"));
    }

    [Fact]
    public async Task Complete_ConfiguredScopeNotGranted_FailsWithScopeMissing()
    {
        _discord.GrantedScope = "identify";
        var provider = _host.Create(PresetHost.Config("discord", "identify", "email"));

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => provider.CompleteAsync(PresetHost.Callback("discord-main"), default));

        Assert.Equal(400, e.Status);
        Assert.Empty(_fake.To("/api/users/@me"));
    }

    [Fact]
    public async Task Complete_TokenEndpointRefuses_FailsAsUpstreamError()
    {
        _discord.Verifier = "expected-verifier";
        var provider = _host.Create(PresetHost.Config("discord"));

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => provider.CompleteAsync(PresetHost.Callback("discord-main"), default));

        Assert.Equal(502, e.Status);
        Assert.Contains("invalid_grant", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(429)]
    [InlineData(502)]
    public async Task Complete_UserApiError_FailsAsUpstreamError(int status)
    {
        _discord.MeStatus = status;
        var provider = _host.Create(PresetHost.Config("discord"));

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => provider.CompleteAsync(PresetHost.Callback("discord-main"), default));

        Assert.Equal(502, e.Status);
        Assert.Contains($"returned a {status} status code", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_UserWithoutId_Fails()
    {
        _discord.Me.AsObject().Remove("id");
        var provider = _host.Create(PresetHost.Config("discord"));

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => provider.CompleteAsync(PresetHost.Callback("discord-main"), default));

        Assert.Contains("subject", e.Message, StringComparison.Ordinal);
    }
}
