using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.SelfService.Strategies.Oidc.TokenExchange;

/// <summary>Registers the session token exchange; the login and registration flows need it whether or not OIDC is on.</summary>
internal static class SessionTokenExchangeServiceCollectionExtensions
{
    public static IServiceCollection AddSessionTokenExchange(this IServiceCollection services)
    {
        services.TryAddScoped<ISessionTokenExchangeStore, SqlSessionTokenExchangeStore>();
        services.TryAddScoped<ISessionTokenExchanges, SessionTokenExchanges>();
        return services;
    }
}
