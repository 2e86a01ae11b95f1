using Custos.Config;
using Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;
using Microsoft.Extensions.Logging;

namespace Custos.SelfService.Strategies.Oidc.Providers.Google;

/// <summary>Builds <c>google</c> providers.</summary>
internal sealed class GoogleKind(OpenIdConnectClients clients, GoogleUrls urls, ILogger<GoogleProvider> logger) : IOidcProviderKind
{
    public IReadOnlyCollection<string> Kinds { get; } = ["google"];

    public IOidcProvider Create(OidcProviderOptions config) => new GoogleProvider(
        config,
        clients.ForDocument(config, urls.Discovery, GoogleUrls.Issuer),
        new NativeIdTokens(clients.Http, clients.Validator, config, urls.Jwks, OpenIdConnectClient.Issuers(GoogleUrls.Issuer)),
        clients.Http,
        logger);
}
