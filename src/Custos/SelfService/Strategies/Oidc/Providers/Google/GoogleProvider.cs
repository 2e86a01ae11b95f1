using Custos.Config;
using Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;
using Microsoft.Extensions.Logging;

namespace Custos.SelfService.Strategies.Oidc.Providers.Google;

/// <summary>
/// <c>provider: google</c>: the generic provider fixed to <c>https://accounts.google.com</c>. Google does not know the
/// <c>offline_access</c> scope: Kratos removes it and asks for a refresh token with <c>access_type=offline</c> instead.
/// Verifies <c>id_token</c>s from Google's native SDKs, whose tokens may lack a <c>nonce</c>.
/// </summary>
internal sealed class GoogleProvider(
    OidcProviderOptions config, OpenIdConnectClient client, NativeIdTokens native, HttpClient http, ILogger logger)
    : IOidcProvider, IOidcIdTokenVerifier
{
    public OidcProviderOptions Config => config;

    public Task<bool> UsesPkceAsync(CancellationToken ct) => PkceDecision.UsesPkceAsync(config, client, logger, ct);

    public async Task<string> AuthorizationUrlAsync(OidcAuthorizationRequest request, CancellationToken ct)
    {
        var document = await client.Discovery.GetAsync(ct);
        var scopes = AuthorizationUrl.WithOpenId(config.Scope);
        scopes.RemoveAll(s => s == "offline_access");
        var parameters = AuthorizationUrl.GenericParameters(config, request);
        if (config.Scope.Contains("offline_access"))
        {
            parameters.Add(new("access_type", "offline"));
        }

        return AuthorizationUrl.Build(document.AuthorizationEndpoint, config, request, scopes, parameters);
    }

    public Task<OidcCallbackResult> CompleteAsync(OidcCallbackRequest request, CancellationToken ct) =>
        OidcCodeExchange.CompleteAsync(config, client, http, request, ct);

    public Task<OidcClaims> VerifyIdTokenAsync(string idToken, CancellationToken ct) => native.VerifyAsync(idToken, ct);

    // Not every Google SDK can pass a nonce; a token without one is accepted.
    public bool CanSkipNonce(OidcClaims claims) => string.IsNullOrEmpty(claims.Nonce);
}
