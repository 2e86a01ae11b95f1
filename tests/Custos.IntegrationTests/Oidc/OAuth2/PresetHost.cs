using Custos.Config;
using Custos.SelfService.Strategies.Oidc;
using Custos.SelfService.Strategies.Oidc.Providers;
using Custos.SelfService.Strategies.Oidc.Providers.OAuth2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.IntegrationTests.Oidc.OAuth2;

/// <summary>
/// The presets as the server registers them (<see cref="OAuth2PresetsServiceCollectionExtensions.AddOidcOAuth2Presets"/>),
/// with the endpoint records pointed at a fake and loopback allowed (<c>clients.http.disallow_private_ip_ranges: false</c>
/// unless <paramref name="guardPrivateRanges"/>).
/// </summary>
internal sealed class PresetHost : IDisposable
{
    private readonly ServiceProvider _services;

    public PresetHost(string baseUrl, bool guardPrivateRanges = false)
    {
        var services = new ServiceCollection();
        services.AddOptions<CustosOptions>().Configure(o => o.Clients.Http.DisallowPrivateIpRanges = guardPrivateRanges);
        services.AddOidcOAuth2Presets();
        services.Replace(ServiceDescriptor.Singleton(new GitHubUrls(baseUrl + "/login/oauth/authorize", baseUrl + "/login/oauth/access_token", baseUrl + "/api")));
        services.Replace(ServiceDescriptor.Singleton(new DiscordUrls(baseUrl + "/api/oauth2/authorize", baseUrl + "/api/oauth2/token", baseUrl + "/api/users/@me")));
        services.Replace(ServiceDescriptor.Singleton(new FacebookUrls(baseUrl + "/dialog/oauth", baseUrl + "/oauth/access_token", baseUrl + "/me")));
        _services = services.BuildServiceProvider();
    }

    public const string RedirectUri = "https://auth.example.com/self-service/methods/oidc/callback/";

    /// <summary>A provider entry as kratos.yml would give it.</summary>
    public static OidcProviderOptions Config(string kind, params string[] scope) => new()
    {
        Id = kind + "-main",
        Provider = kind,
        ClientId = "client id/1",
        ClientSecret = "s3cret:+&",
        MapperUrl = "base64://e30=",
        Scope = [.. scope],
    };

    public IOidcProvider Create(OidcProviderOptions config) =>
        _services.GetServices<IOidcProviderKind>().Single(k => k.Kinds.Contains(config.Provider)).Create(config);

    public static OidcCallbackRequest Callback(string id, string code = "the-code", string? verifier = null) =>
        new(code, RedirectUri + id, verifier, new Dictionary<string, string> { ["code"] = code, ["state"] = "st" });

    public void Dispose() => _services.Dispose();
}
