using Custos.Config;
using Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;
using Microsoft.Extensions.Logging;

namespace Custos.SelfService.Strategies.Oidc.Providers.Apple;

/// <summary>Builds <c>apple</c> providers.</summary>
internal sealed class AppleKind(OpenIdConnectClients clients, AppleUrls urls, TimeProvider time, ILogger<AppleProvider> logger) : IOidcProviderKind
{
    public IReadOnlyCollection<string> Kinds { get; } = ["apple"];

    public IOidcProvider Create(OidcProviderOptions config) => new AppleProvider(
        config,
        clients.ForDocument(config, urls.Discovery, AppleUrls.Issuer),
        new NativeIdTokens(clients.Http, clients.Validator, config, urls.Jwks, [AppleUrls.Issuer]),
        urls,
        clients.Http,
        time,
        logger);
}
