using Custos.Config;
using Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;
using Microsoft.Extensions.Logging;

namespace Custos.SelfService.Strategies.Oidc.Providers.Generic;

/// <summary>Builds <c>generic</c> providers.</summary>
internal sealed class GenericOidcKind(OpenIdConnectClients clients, ILogger<GenericOidcProvider> logger) : IOidcProviderKind
{
    public IReadOnlyCollection<string> Kinds { get; } = ["generic"];

    public IOidcProvider Create(OidcProviderOptions config) =>
        new GenericOidcProvider(config, clients.ForIssuer(config, config.IssuerUrl ?? ""), clients.Http, logger);
}
