using Custos.Config;
using Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;
using Microsoft.Extensions.Logging;

namespace Custos.SelfService.Strategies.Oidc.Providers.MicrosoftEntra;

/// <summary>Builds <c>microsoft</c> providers.</summary>
internal sealed class MicrosoftKind(OpenIdConnectClients clients, MicrosoftUrls urls, ILogger<MicrosoftProvider> logger) : IOidcProviderKind
{
    public IReadOnlyCollection<string> Kinds { get; } = ["microsoft"];

    public IOidcProvider Create(OidcProviderOptions config) => new MicrosoftProvider(config, clients, urls, logger);
}
