using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.SelfService.Strategies.Password.Policy;

/// <summary>Registers the password policy and its Have I Been Pwned client.</summary>
internal static class PasswordPolicyServiceCollectionExtensions
{
    public static IServiceCollection AddPasswordPolicy(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(HaveIBeenPwnedClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                ConnectTimeout = provider.GetRequiredService<HaveIBeenPwnedBudget>().Timeout,
                AllowAutoRedirect = false,
            });
        services.TryAddSingleton(HaveIBeenPwnedBudget.Default);
        services.TryAddSingleton<BreachCountCache>();
        services.TryAddSingleton<HaveIBeenPwnedClient>();
        services.TryAddSingleton<PasswordPolicy>();
        return services;
    }
}
