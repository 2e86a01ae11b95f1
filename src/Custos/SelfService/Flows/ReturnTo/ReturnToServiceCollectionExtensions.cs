using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.SelfService.Flows.ReturnTo;

/// <summary>Registers the <c>return_to</c> validator (reads options per call, hence a singleton).</summary>
internal static class ReturnToServiceCollectionExtensions
{
    public static IServiceCollection AddReturnToValidation(this IServiceCollection services)
    {
        services.TryAddSingleton<ReturnToValidator>();
        return services;
    }
}
