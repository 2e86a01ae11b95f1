using Custos.Config;
using Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;
using Microsoft.Extensions.Logging;

namespace Custos.SelfService.Strategies.Oidc.Providers.Generic;

/// <summary>
/// <c>provider: generic</c>: any OpenID Provider, found by discovery at <c>issuer_url</c> (keys, issuer, userinfo);
/// <c>auth_url</c> and <c>token_url</c>, when set, replace the discovered endpoints (Kratos ignores them since v1.1;
/// earlier versions and the issue this implements use them for providers whose discovery names other hosts).
/// <c>openid</c> is added to the scopes; claims come from the verified ID token or, with
/// <c>claims_source: userinfo</c>, from userinfo.
/// </summary>
internal sealed class GenericOidcProvider(OidcProviderOptions config, OpenIdConnectClient client, HttpClient http, ILogger logger) : IOidcProvider
{
    public OidcProviderOptions Config => config;

    public Task<bool> UsesPkceAsync(CancellationToken ct) => PkceDecision.UsesPkceAsync(config, client, logger, ct);

    public async Task<string> AuthorizationUrlAsync(OidcAuthorizationRequest request, CancellationToken ct)
    {
        var document = await client.Discovery.GetAsync(ct);
        return AuthorizationUrl.Build(
            string.IsNullOrEmpty(config.AuthUrl) ? document.AuthorizationEndpoint : config.AuthUrl, config, request, AuthorizationUrl.WithOpenId(config.Scope), AuthorizationUrl.GenericParameters(config, request));
    }

    public Task<OidcCallbackResult> CompleteAsync(OidcCallbackRequest request, CancellationToken ct) =>
        OidcCodeExchange.CompleteAsync(config, client, http, request, ct, string.IsNullOrEmpty(config.TokenUrl) ? null : config.TokenUrl);
}
