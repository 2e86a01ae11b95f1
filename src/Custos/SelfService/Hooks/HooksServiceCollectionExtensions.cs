using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.SelfService.Hooks;

/// <summary>Registers the hook pipeline and each built-in hook under every execution point it serves.</summary>
internal static class HooksServiceCollectionExtensions
{
    public static IServiceCollection AddHooks(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(SessionIssuerHook)))
        {
            return services;
        }

        services.TryAdd(ServiceDescriptor.Scoped(typeof(HookPipeline<,>), typeof(HookPipeline<,>)));
        services.AddScoped<SessionIssuerHook>();
        services.AddScoped<RevokeActiveSessionsHook>();
        services.AddScoped<RequireVerifiedAddressHook>();
        services.AddScoped<VerifierHook>();
        services.AddScoped<ShowVerificationUiHook>();

        services.AddScoped<IPostRegistrationHook>(sp => sp.GetRequiredService<VerifierHook>());
        services.AddScoped<IPostRegistrationHook>(sp => sp.GetRequiredService<ShowVerificationUiHook>());
        services.AddScoped<IPostRegistrationHook>(sp => sp.GetRequiredService<SessionIssuerHook>());
        services.AddScoped<IPostLoginHook>(sp => sp.GetRequiredService<RequireVerifiedAddressHook>());
        services.AddScoped<IPostLoginHook>(sp => sp.GetRequiredService<RevokeActiveSessionsHook>());
        services.AddScoped<IPostLoginHook>(sp => sp.GetRequiredService<VerifierHook>());
        services.AddScoped<IPostLoginHook>(sp => sp.GetRequiredService<ShowVerificationUiHook>());
        services.AddScoped<IPostSettingsHook>(sp => sp.GetRequiredService<VerifierHook>());
        services.AddScoped<IPostSettingsHook>(sp => sp.GetRequiredService<ShowVerificationUiHook>());
        services.AddScoped<IPostSettingsHook>(sp => sp.GetRequiredService<RevokeActiveSessionsHook>());
        services.AddScoped<IPostRecoveryHook>(sp => sp.GetRequiredService<RevokeActiveSessionsHook>());
        return services;
    }
}
