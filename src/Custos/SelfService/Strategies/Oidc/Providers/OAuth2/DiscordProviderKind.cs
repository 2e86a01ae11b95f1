using Custos.Config;

namespace Custos.SelfService.Strategies.Oidc.Providers.OAuth2;

/// <summary>The <c>discord</c> preset (Kratos's <c>provider_discord.go</c>).</summary>
internal sealed class DiscordProviderKind(OidcHttp http, DiscordUrls urls) : IOidcProviderKind
{
    public IReadOnlyCollection<string> Kinds { get; } = ["discord"];

    public IOidcProvider Create(OidcProviderOptions config) => new DiscordProvider(config, urls, http.Client);
}
