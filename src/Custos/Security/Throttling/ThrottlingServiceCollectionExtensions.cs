using Custos.Config;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.Security.Throttling;

/// <summary>Registers the throttling counters, their key hasher and the expired-row cleanup.</summary>
internal static class ThrottlingServiceCollectionExtensions
{
    public static IServiceCollection AddThrottling(this IServiceCollection services, CustosOptions options)
    {
        services.TryAddSingleton<ThrottleKeyHasher>();
        services.TryAddScoped<IThrottleStore, SqlThrottleStore>();
        services.TryAddSingleton<ClientAddressResolver>();
        services.TryAddScoped<FlowThrottle>();
        if (options.Security.Throttling.Enabled)
        {
            services.AddHostedService<ThrottleCleanupWorker>();
        }

        return services;
    }
}
