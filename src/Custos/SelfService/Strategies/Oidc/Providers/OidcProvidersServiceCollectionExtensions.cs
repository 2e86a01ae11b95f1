using Custos.Config;
using Custos.SelfService.Hooks.WebHooks;
using Custos.SelfService.Strategies.Oidc.Providers.Apple;
using Custos.SelfService.Strategies.Oidc.Providers.Generic;
using Custos.SelfService.Strategies.Oidc.Providers.Google;
using Custos.SelfService.Strategies.Oidc.Providers.MicrosoftEntra;
using Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;
using Custos.SelfService.Strategies.Oidc.Providers.UserInfo;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.Oidc.Providers;

/// <summary>
/// Registers the provider registry (<see cref="IOidcProviders"/>), the upstream HTTP client, the start-up checks of the
/// provider entries, and the OpenID Connect kinds: <c>generic</c>, <c>google</c>, <c>microsoft</c>, <c>apple</c>,
/// <c>auth0</c>, <c>gitlab</c>. Other kinds register their own <see cref="IOidcProviderKind"/>.
/// </summary>
internal static class OidcProvidersServiceCollectionExtensions
{
    public static IServiceCollection AddOidcProviders(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebHookHttpHandler>();
        services.TryAddSingleton<OidcHttp>();
        services.TryAddSingleton<IdTokenValidator>();
        services.TryAddSingleton<OpenIdConnectClients>();
        services.TryAddSingleton(GoogleUrls.Default);
        services.TryAddSingleton(MicrosoftUrls.Default);
        services.TryAddSingleton(AppleUrls.Default);
        services.TryAddSingleton<OidcProviderRegistry>();
        services.TryAddSingleton<IOidcProviders>(sp => sp.GetRequiredService<OidcProviderRegistry>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CustosOptions>, OidcProvidersValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOidcProviderKind, GenericOidcKind>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOidcProviderKind, GoogleKind>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOidcProviderKind, MicrosoftKind>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOidcProviderKind, AppleKind>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOidcProviderKind, UserInfoKinds>());
        return services;
    }
}
