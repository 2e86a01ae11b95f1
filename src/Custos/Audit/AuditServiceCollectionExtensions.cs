using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.Audit;

/// <summary>Registers the audit log, its reader, and the retention pruner (idle while <c>audit.retention</c> is unset).</summary>
internal static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAuditLog(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddScoped<IAuditLog, SqlAuditLog>();
        services.TryAddScoped<AdminAudit>();
        services.TryAddScoped<IAuditEventReader, SqlAuditEventReader>();
        services.TryAddScoped<AuditRetention>();
        services.AddHostedService<AuditRetentionWorker>();
        return services;
    }
}
