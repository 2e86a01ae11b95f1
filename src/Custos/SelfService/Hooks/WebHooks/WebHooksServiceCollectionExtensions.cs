using Custos.Config;
using Custos.SelfService.Hooks.WebHooks.Deliveries;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>
/// Registers <c>web_hook</c>: the runner and its parts, the after-hook executor at login, registration, settings and
/// recovery, the delivery queue, and (when the configuration has any web hook) the delivery worker of
/// <c>response.ignore</c> hooks, which runs in every process that serves flows.
/// </summary>
internal static class WebHooksServiceCollectionExtensions
{
    public static IServiceCollection AddWebHooks(this IServiceCollection services, CustosOptions options)
    {
        services.TryAddSingleton(new WebHookClientSettings());
        services.TryAddSingleton(new WebHookDeliverySettings());
        services.TryAddSingleton<WebHookHttpHandler>();
        services.TryAddSingleton<WebHookBodyTemplates>();
        services.TryAddSingleton<WebHookRequestRenderer>();
        services.TryAddSingleton<WebHookSender>();
        services.TryAddScoped<IWebHookDeliveryStore, SqlWebHookDeliveryStore>();
        services.TryAddScoped<WebHookRunner>();
        services.TryAddScoped<PrePersistWebHooks>();
        services.TryAddScoped<BeforeWebHooks>();
        services.TryAddScoped<CommittedWebHooks>();
        if (services.Any(d => d.ServiceType == typeof(WebHookHook)))
        {
            return services;
        }

        services.AddScoped<WebHookHook>();
        services.AddScoped<IPostLoginHook>(sp => sp.GetRequiredService<WebHookHook>());
        services.AddScoped<IPostRegistrationHook>(sp => sp.GetRequiredService<WebHookHook>());
        services.AddScoped<IPostSettingsHook>(sp => sp.GetRequiredService<WebHookHook>());
        services.AddScoped<IPostRecoveryHook>(sp => sp.GetRequiredService<WebHookHook>());
        if (WebHookPaths.First(options) is not null)
        {
            services.AddHostedService<WebHookDeliveryWorker>();
        }

        return services;
    }
}
