using Custos.SelfService.Flows.Login;
using Custos.SelfService.Strategies.Oidc.Mapper;
using Custos.SelfService.Strategies.Oidc.Providers;
using Custos.SelfService.Strategies.Oidc.Providers.OAuth2;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.SelfService.Strategies.Oidc;

/// <summary>Registers social sign-in: the strategy, its callback and account linking.</summary>
internal static class OidcServiceCollectionExtensions
{
    public static IServiceCollection AddOidc(this IServiceCollection services)
    {
        services.AddOidcProviders().AddOidcOAuth2Presets().AddOidcMapper();
        services.TryAddScoped<OidcCallbackContext>();
        services.TryAddScoped<OidcRedirect>();
        services.TryAddScoped<OidcIdTokens>();
        services.TryAddScoped<OidcResume>();
        services.TryAddScoped<OidcCallbackHandler>();
        services.TryAddScoped<OidcAccountLinking>();
        services.TryAddScoped<OidcIdentityRefresh>();
        services.AddScoped<ILoginLinker>(sp => sp.GetRequiredService<OidcAccountLinking>());
        return services.AddStrategy<OidcStrategy>();
    }
}
