using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.Sessions.Assurance;

/// <summary>Registers the AAL calculation and enforcement.</summary>
internal static class AssuranceServiceCollectionExtensions
{
    public static IServiceCollection AddAuthenticatorAssurance(this IServiceCollection services)
    {
        services.TryAddSingleton<AvailableAalCalculator>();
        services.TryAddScoped<SessionAalGuard>();
        return services;
    }

    /// <summary>
    /// Adds a contributor that replaces the built-in counting for its credential type (for example a TOTP method
    /// that stores its secret encrypted). Contributors are singletons. Safe to call before or after <see cref="AddAuthenticatorAssurance"/>.
    /// </summary>
    public static IServiceCollection AddCredentialAalContributor<T>(this IServiceCollection services)
        where T : class, ICredentialAalContributor
    {
        services.AddSingleton<ICredentialAalContributor, T>();
        return services;
    }
}
