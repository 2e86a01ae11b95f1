using Custos.Config;

namespace Custos.SelfService.Strategies.Oidc.Providers.OAuth2;

/// <summary>The <c>facebook</c> preset (Kratos's <c>provider_facebook.go</c>).</summary>
internal sealed class FacebookProviderKind(OidcHttp http, FacebookUrls urls) : IOidcProviderKind
{
    public IReadOnlyCollection<string> Kinds { get; } = ["facebook"];

    public IOidcProvider Create(OidcProviderOptions config) => new FacebookProvider(config, urls, http.Client);
}
