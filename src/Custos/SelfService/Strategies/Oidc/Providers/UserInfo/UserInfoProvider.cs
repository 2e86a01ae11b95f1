using Custos.Config;
using Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;
using Microsoft.Extensions.Logging;

namespace Custos.SelfService.Strategies.Oidc.Providers.UserInfo;

/// <summary>
/// A provider whose endpoints hang off one base URL and whose claims come from its userinfo endpoint with the access
/// token, as Kratos's <c>auth0</c> and <c>gitlab</c> work: the configured scopes exactly (no <c>openid</c> added), no
/// ID token verified, <c>iss</c> defaulting to the base URL.
/// </summary>
/// <param name="config">The configuration entry.</param>
/// <param name="endpoints">Authorization, token and userinfo URLs.</param>
/// <param name="issuer">The issuer of claims that name none.</param>
/// <param name="discovery">The discovery client at <c>issuer_url</c> for <c>pkce: auto</c>, or null without one.</param>
/// <param name="http">The upstream HTTP client.</param>
/// <param name="logger">Logs why PKCE was not used.</param>
internal sealed class UserInfoProvider(
    OidcProviderOptions config, UserInfoEndpoints endpoints, string issuer, OpenIdConnectClient? discovery, HttpClient http, ILogger logger)
    : IOidcProvider
{
    public OidcProviderOptions Config => config;

    public Task<bool> UsesPkceAsync(CancellationToken ct) => PkceDecision.UsesPkceAsync(config, discovery, logger, ct);

    public Task<string> AuthorizationUrlAsync(OidcAuthorizationRequest request, CancellationToken ct) =>
        Task.FromResult(AuthorizationUrl.Build(
            endpoints.Authorize, config, request, config.Scope, AuthorizationUrl.GenericParameters(config, request)));

    public async Task<OidcCallbackResult> CompleteAsync(OidcCallbackRequest request, CancellationToken ct)
    {
        var (tokens, _) = await OAuth2TokenEndpoint.ExchangeAsync(http, endpoints.Token, config, request, null, ct);
        var userInfo = await UpstreamJson.GetAsync(http, endpoints.UserInfo, "userinfo", tokens.AccessToken, ct);
        return new OidcCallbackResult(ClaimsValidation.Validated(ClaimsReader.Read(userInfo, issuer)), tokens);
    }
}
