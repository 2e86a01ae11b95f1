using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.Courier;

/// <summary>Registers the courier area: the message store (scoped).</summary>
internal static class CourierServiceCollectionExtensions
{
    public static IServiceCollection AddCourier(this IServiceCollection services)
    {
        services.TryAddScoped<SqlCourierMessageStore>();
        services.TryAddScoped<ICourierMessageStore>(sp => sp.GetRequiredService<SqlCourierMessageStore>());
        return services;
    }
}
