using Custos.Config;
using Microsoft.Extensions.Logging;

namespace Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;

/// <summary>
/// Kratos's <c>maybePKCE</c>: <c>never</c> and <c>force</c> decide alone; <c>auto</c> asks the discovery document at
/// <c>issuer_url</c> whether it lists <c>S256</c>, and a provider without one (no <c>issuer_url</c>, unreachable,
/// another issuer) goes without PKCE.
/// </summary>
internal static class PkceDecision
{
    /// <summary>Whether to use PKCE; <paramref name="discovery"/> is null when the provider has no issuer to ask.</summary>
    public static Task<bool> UsesPkceAsync(OidcProviderOptions config, OpenIdConnectClient? discovery, ILogger logger, CancellationToken ct) =>
        config.Pkce switch
        {
            "never" => Task.FromResult(false),
            "force" => Task.FromResult(true),
            _ when discovery is null => Task.FromResult(false),
            _ => discovery.AdvertisesPkceAsync(logger, ct),
        };
}
