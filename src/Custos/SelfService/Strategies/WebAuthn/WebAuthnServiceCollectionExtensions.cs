using Custos.SelfService.Strategies.Passkey;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.SelfService.Strategies.WebAuthn;

internal static class WebAuthnServiceCollectionExtensions
{
    /// <summary>The WebAuthn ceremony and store shared by the <c>webauthn</c> and <c>passkey</c> strategies, and passkeys.</summary>
    public static IServiceCollection AddPasskeys(this IServiceCollection services)
    {
        services.TryAddSingleton<WebAuthnCeremony>();
        services.TryAddScoped<IWebAuthnStore, SqlWebAuthnStore>();
        services.TryAddScoped<SignCountRecorder>();
        services.TryAddSingleton<PasskeyRp>();
        services.TryAddSingleton<PasskeyDisplayName>();
        services.TryAddSingleton<WebAuthnRp>();
        services.TryAddScoped<WebAuthnAccounts>();
        return services.AddStrategy<PasskeyStrategy>().AddStrategy<WebAuthnStrategy>();
    }
}
