using Custos.Audit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.Admin.Webhooks;

/// <summary>
/// Registers event webhooks: the stores, the audit observer that queues deliveries, and the admin API's parts. The
/// worker (<see cref="AddEventWebhookWorker"/>) is added by <c>serve</c> only, so CLI commands and tests that do not ask
/// for it never poll the queue. Needs <c>AddWebHooks</c> for the guarded HTTP client.
/// </summary>
internal static class EventWebhooksServiceCollectionExtensions
{
    public static IServiceCollection AddEventWebhooks(this IServiceCollection services)
    {
        services.TryAddSingleton(new EventWebhookSettings());
        services.TryAddSingleton<EventWebhookSecrets>();
        services.TryAddSingleton<EventWebhookRequestReader>();
        services.TryAddScoped<IEventWebhookStore, SqlEventWebhookStore>();
        services.TryAddScoped<IEventDeliveryQueue, SqlEventDeliveryQueue>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IAuditObserver, EventWebhookObserver>());
        return services;
    }

    public static IServiceCollection AddEventWebhookWorker(this IServiceCollection services)
    {
        services.AddHostedService<EventWebhookWorker>();
        return services;
    }
}
