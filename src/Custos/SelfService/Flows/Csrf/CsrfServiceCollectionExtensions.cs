using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.SelfService.Flows.Csrf;

/// <summary>Registers the anti-CSRF cookie helper (stateless apart from the options, hence a singleton).</summary>
internal static class CsrfServiceCollectionExtensions
{
    public static IServiceCollection AddCsrf(this IServiceCollection services)
    {
        services.TryAddSingleton<CsrfCookie>();
        return services;
    }
}
