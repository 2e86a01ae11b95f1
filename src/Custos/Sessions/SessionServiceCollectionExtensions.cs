using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.Sessions;

/// <summary>Registers the sessions area: the store, the manager (scoped) and the cookie sealer (singleton: it owns the fallback secret).</summary>
internal static class SessionServiceCollectionExtensions
{
    public static IServiceCollection AddSessions(this IServiceCollection services)
    {
        services.TryAddScoped<SqlSessionStore>();
        services.TryAddScoped<ISessionStore>(sp => sp.GetRequiredService<SqlSessionStore>());
        services.TryAddSingleton<SessionCookie>();
        services.TryAddScoped<SessionManager>();
        services.TryAddScoped<SessionRevocationAudit>();
        return services;
    }
}
