using Custos.IntegrationTests.SelfService.Policy;
using Custos.SelfService.Strategies.Oidc;

namespace Custos.IntegrationTests.Oidc.OAuth2;

/// <summary>What every preset does when the provider cannot be reached or answers garbage: an <see cref="OidcProviderException"/>, never anything else.</summary>
public sealed class PresetFailureTests
{
    public static TheoryData<string> Kinds => ["github", "discord", "facebook"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Complete_ProviderUnreachable_FailsAsUpstreamError(string kind)
    {
        using var host = new PresetHost($"http://127.0.0.1:{FakeRangeApi.FreePort()}");
        var provider = host.Create(PresetHost.Config(kind));

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => provider.CompleteAsync(PresetHost.Callback(kind + "-main"), default));

        Assert.Equal(502, e.Status);
        Assert.Contains("could not be reached", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Complete_UserApiNotJson_FailsAsUpstreamError(string kind)
    {
        await using var fake = await FakeUpstream.StartAsync();
        using var host = new PresetHost(fake.BaseUrl);
        fake.Map("POST", TokenPath(kind), _ => new(200, """{"access_token":"t0ken","token_type":"bearer","scope":""}"""));
        fake.Map("GET", UserPath(kind), _ => new(200, "<html>rate limited</html>", "text/html"));
        var provider = host.Create(PresetHost.Config(kind));

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => provider.CompleteAsync(PresetHost.Callback(kind + "-main"), default));

        Assert.Equal(502, e.Status);
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Complete_PrivateRangesRefused_LoopbackProviderIsNotCalled(string kind)
    {
        await using var fake = await FakeUpstream.StartAsync();
        using var host = new PresetHost(fake.BaseUrl, guardPrivateRanges: true);
        var provider = host.Create(PresetHost.Config(kind));

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => provider.CompleteAsync(PresetHost.Callback(kind + "-main"), default));

        Assert.Equal(502, e.Status);
        Assert.Empty(fake.Requests);
    }

    private static string TokenPath(string kind) => kind switch
    {
        "github" => "/login/oauth/access_token",
        "discord" => "/api/oauth2/token",
        _ => "/oauth/access_token",
    };

    private static string UserPath(string kind) => kind switch
    {
        "github" => "/api/user",
        "discord" => "/api/users/@me",
        _ => "/me",
    };
}
