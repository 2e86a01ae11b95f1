using Custos.SelfService.Strategies;
using Custos.SelfService.Strategies.Password;
using Custos.SelfService.Strategies.Profile;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.SelfService.Flows.Settings;

/// <summary>Registers the settings flow and its own strategy (<c>profile</c>); the other methods register themselves.</summary>
internal static class SettingsServiceCollectionExtensions
{
    public static IServiceCollection AddSettingsFlow(this IServiceCollection services)
    {
        services.TryAddScoped<SettingsFlowService>();
        services.TryAddScoped<SettingsStrategies>();
        services.TryAddScoped<SettingsUpdater>();
        services.TryAddScoped<ProfileChanges>();
        // The password strategy's settings part; the strategy itself is added with the password method.
        services.TryAddScoped<PasswordChange>();
        return services.AddStrategy<ProfileStrategy>();
    }
}
