using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Flows.Recovery;
using Custos.SelfService.Flows.Verification;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.SelfService.Strategies;

/// <summary>Registers a strategy once and forwards each flow contract it implements to that one (scoped) instance.</summary>
internal static class StrategyServiceCollectionExtensions
{
    private static readonly Type[] FlowContracts = [typeof(ILoginStrategy), typeof(IRegistrationStrategy), typeof(ISettingsStrategy), typeof(IRecoveryStrategy), typeof(IVerificationStrategy)];

    public static IServiceCollection AddStrategy<T>(this IServiceCollection services)
        where T : class, IAuthStrategy
    {
        if (services.Any(d => d.ServiceType == typeof(T)))
        {
            return services;
        }

        services.TryAddScoped<T>();
        foreach (var contract in FlowContracts.Where(c => c.IsAssignableFrom(typeof(T))))
        {
            services.AddScoped(contract, sp => sp.GetRequiredService<T>());
        }

        return services;
    }
}
