using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.Admin.Keys;

/// <summary>Registers admin API keys: store, service and the start-up warning.</summary>
internal static class AdminKeyServiceCollectionExtensions
{
    public static IServiceCollection AddAdminKeys(this IServiceCollection services)
    {
        services.TryAddScoped<IAdminKeyStore, SqlAdminKeyStore>();
        services.TryAddScoped<AdminKeyService>();
        services.TryAddScoped<Impersonation.ImpersonationService>();
        services.AddHostedService<AdminExposureWarning>();
        return services;
    }
}
