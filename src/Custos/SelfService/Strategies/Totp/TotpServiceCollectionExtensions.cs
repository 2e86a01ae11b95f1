using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.SelfService.Strategies.Totp;

/// <summary>Registers the building blocks of the <c>totp</c> method.</summary>
internal static class TotpServiceCollectionExtensions
{
    public static IServiceCollection AddTotp(this IServiceCollection services)
    {
        services.TryAddScoped<ITotpStepStore, SqlTotpStepStore>();
        services.TryAddScoped<TotpAccountName>();
        services.TryAddScoped<TotpSettings>();
        services.TryAddScoped<TotpLogin>();
        return services;
    }
}
