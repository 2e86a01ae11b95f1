using Custos.SelfService.Hooks.WebHooks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.SelfService.Strategies.Oidc.Providers.OAuth2;

/// <summary>
/// Registers the plain-OAuth2 presets <c>github</c>, <c>discord</c> and <c>facebook</c>: one
/// <see cref="IOidcProviderKind"/> each, their endpoint records (replaceable, so tests point them at a fake), and the
/// guarded upstream client they share.
/// </summary>
internal static class OAuth2PresetsServiceCollectionExtensions
{
    public static IServiceCollection AddOidcOAuth2Presets(this IServiceCollection services)
    {
        services.TryAddSingleton<WebHookHttpHandler>();
        services.TryAddSingleton<OidcHttp>();
        services.TryAddSingleton(GitHubUrls.Default);
        services.TryAddSingleton(DiscordUrls.Default);
        services.TryAddSingleton(FacebookUrls.Default);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOidcProviderKind, GitHubProviderKind>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOidcProviderKind, DiscordProviderKind>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOidcProviderKind, FacebookProviderKind>());
        return services;
    }
}
