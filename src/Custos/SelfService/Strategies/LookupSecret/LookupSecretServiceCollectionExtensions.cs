using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.SelfService.Strategies.LookupSecret;

/// <summary>Registers the building blocks of the <c>lookup_secret</c> method (backup codes).</summary>
internal static class LookupSecretServiceCollectionExtensions
{
    public static IServiceCollection AddLookupSecret(this IServiceCollection services)
    {
        services.TryAddSingleton<LookupCodeHasher>();
        services.TryAddScoped<ILookupSecretStore, SqlLookupSecretStore>();
        services.TryAddScoped<LookupSecretVerifier>();
        services.TryAddScoped<LookupSecretSettings>();
        return services;
    }
}
