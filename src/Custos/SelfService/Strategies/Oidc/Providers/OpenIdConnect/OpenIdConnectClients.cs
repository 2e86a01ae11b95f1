using Custos.Config;

namespace Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;

/// <summary>Creates <see cref="OpenIdConnectClient"/>s on the shared upstream HTTP client and verifier.</summary>
internal sealed class OpenIdConnectClients(OidcHttp http, IdTokenValidator validator)
{
    /// <summary>The HTTP client of upstream calls.</summary>
    public HttpClient Http => http.Client;

    /// <summary>The ID token verifier.</summary>
    public IdTokenValidator Validator => validator;

    /// <summary>A client for the provider whose discovery document lives at <c>{issuer}/.well-known/openid-configuration</c>.</summary>
    public OpenIdConnectClient ForIssuer(OidcProviderOptions config, string issuer) =>
        ForDocument(config, OidcDiscovery.UrlFor(issuer), issuer);

    /// <summary>A client whose discovery document is fetched from <paramref name="documentUrl"/> and must name <paramref name="issuer"/>.</summary>
    public OpenIdConnectClient ForDocument(OidcProviderOptions config, string documentUrl, string issuer) =>
        new(http.Client, validator, config, new OidcDiscovery(http.Client, documentUrl, issuer));
}
