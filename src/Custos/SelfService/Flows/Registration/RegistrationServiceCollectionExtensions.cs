using Custos.SelfService.Strategies;
using Custos.SelfService.Strategies.Profile;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.SelfService.Flows.Registration;

/// <summary>Registers the registration flow service, the identity steps no method owns, and the profile strategy.</summary>
internal static class RegistrationServiceCollectionExtensions
{
    public static IServiceCollection AddRegistrationFlow(this IServiceCollection services)
    {
        services.TryAddScoped<RegistrationFlowService>();
        services.TryAddScoped<RegistrationIdentities>();
        services.TryAddScoped<RegistrationDecoy>();
        return services.AddStrategy<ProfileStrategy>();
    }
}
