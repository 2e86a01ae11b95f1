using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.Audit;

/// <summary>Registers the audit log.</summary>
internal static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAuditLog(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddScoped<IAuditLog, SqlAuditLog>();
        return services;
    }
}
