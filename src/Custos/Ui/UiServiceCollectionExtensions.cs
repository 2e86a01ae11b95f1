using Custos.Ui.Api;
using Custos.Ui.Assets;
using Custos.Ui.Pages;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.Ui;

/// <summary>Registers the built-in self-service UI (pages under <c>/ui/</c> on the public listener).</summary>
internal static class UiServiceCollectionExtensions
{
    public static IServiceCollection AddSelfServiceUi(this IServiceCollection services)
    {
        services.TryAddSingleton<PublicApi>();
        services.TryAddSingleton<UiAssets>();
        services.TryAddScoped<ErrorPages>();
        services.TryAddScoped<FlowPages>();
        services.TryAddScoped<WelcomePage>();
        services.TryAddScoped<SessionActions>();
        services.TryAddScoped<MailboxPage>();
        return services;
    }
}
