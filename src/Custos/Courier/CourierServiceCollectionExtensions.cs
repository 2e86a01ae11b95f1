using Custos.Courier.Channels;
using Custos.Courier.Templates;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.Courier;

/// <summary>Registers the courier area: the message store (scoped), the dispatcher and its per-step runner (singletons), the channels (SMTP, HTTP), the templated <see cref="ICourier"/> (scoped) with its template renderer, and on request the worker.</summary>
internal static class CourierServiceCollectionExtensions
{
    public static IServiceCollection AddCourier(this IServiceCollection services)
    {
        services.TryAddScoped<SqlCourierMessageStore>();
        services.AddHttpContextAccessor();
        services.TryAddScoped<CourierLimiter>();
        services.TryAddScoped<ICourierMessageStore>(sp => sp.GetRequiredService<SqlCourierMessageStore>());
        services.TryAddSingleton<CourierPageToken>();
        services.TryAddSingleton<SmtpChannel>();
        services.TryAddSingleton<CourierChannelRouter>();
        services.AddHttpClient(HttpChannel.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.TryAddSingleton<CourierSteps>();
        services.TryAddSingleton<CourierDispatcher>();
        services.AddHttpClient(TemplateFetcher.HttpClientName);
        services.TryAddSingleton<TemplateFetcher>();
        services.TryAddSingleton<CourierTemplateRenderer>();
        services.TryAddScoped<ICourier, TemplatedCourier>();
        return services;
    }

    /// <summary>Runs the queue worker in this process (<c>serve --watch-courier</c>).</summary>
    public static IServiceCollection AddCourierWorker(this IServiceCollection services)
    {
        services.AddHostedService<CourierWorker>();
        return services;
    }
}
