using Custos.Config;

namespace Custos.SelfService.Strategies.Oidc.Providers.OAuth2;

/// <summary>The <c>github</c> preset (Kratos's <c>provider_github.go</c>).</summary>
internal sealed class GitHubProviderKind(OidcHttp http, GitHubUrls urls) : IOidcProviderKind
{
    public IReadOnlyCollection<string> Kinds { get; } = ["github"];

    public IOidcProvider Create(OidcProviderOptions config) => new GitHubProvider(config, urls, http.Client);
}
