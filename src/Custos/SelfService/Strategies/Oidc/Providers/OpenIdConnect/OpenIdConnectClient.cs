using System.Text.Json.Nodes;
using Custos.Config;
using Microsoft.Extensions.Logging;

namespace Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;

/// <summary>
/// The OpenID Connect half every OIDC-based provider shares (Kratos's <c>ProviderGenericOIDC</c> on go-oidc): the
/// discovery document, the ID token verified against the document's keys, userinfo, and claims from either.
/// </summary>
internal sealed class OpenIdConnectClient(
    HttpClient http, IdTokenValidator validator, OidcProviderOptions config, OidcDiscovery discovery)
{
    private readonly JwksKeySet _keys = new(http);

    /// <summary>The provider's discovery document.</summary>
    public OidcDiscovery Discovery => discovery;

    /// <summary>Whether the discovery document advertises PKCE with <c>S256</c>; false (logged) when it cannot be read, as Kratos continues without PKCE.</summary>
    public async Task<bool> AdvertisesPkceAsync(ILogger logger, CancellationToken ct)
    {
        try
        {
            var document = await discovery.GetAsync(ct);
            return document.CodeChallengeMethods.Contains("S256");
        }
        catch (OidcProviderException e)
        {
            logger.LogWarning("Failed to autodiscover PKCE support for provider {Provider}: {Reason} Continuing without PKCE.", config.Id, e.Message);
            return false;
        }
    }

    /// <summary>The ID token's verified payload (<c>aud</c> = <c>client_id</c>); failures are 400 as in Kratos's callback.</summary>
    public async Task<JsonObject> VerifyAsync(string idToken, CancellationToken ct)
    {
        var document = await discovery.GetAsync(ct);
        try
        {
            return await validator.ValidateAsync(
                idToken,
                Issuers(discovery.ExpectedIssuer),
                [config.ClientId],
                IdTokenValidator.Algorithms(document.IdTokenSigningAlgorithms),
                (kid, token) => _keys.KeysAsync(document.JwksUri, kid, token),
                400,
                ct);
        }
        catch (OidcProviderException e) when (e.Status == 502)
        {
            // The keys could not be fetched: the document may name a jwks_uri the provider no longer serves.
            discovery.Invalidate();
            throw;
        }
    }

    /// <summary>The accepted <c>iss</c> values: go-oidc also takes Google's scheme-less issuer for <c>https://accounts.google.com</c>.</summary>
    public static string[] Issuers(string expected) =>
        expected == "https://accounts.google.com" ? [expected, "accounts.google.com"] : [expected];

    /// <summary>
    /// The person's claims from the token endpoint's answer: the ID token's (<c>claims_source: id_token</c>), or
    /// userinfo's whose <c>sub</c> must equal the ID token's (OpenID Connect Core §5.3.2, token substitution).
    /// </summary>
    /// <param name="tokens">The token endpoint's answer.</param>
    /// <param name="fallback">Text claims to use where the claims lack them.</param>
    /// <param name="ct">Cancels the upstream calls.</param>
    public async Task<OidcClaims> ClaimsAsync(OidcTokens tokens, IReadOnlyDictionary<string, string>? fallback, CancellationToken ct)
    {
        if (tokens.IdToken.Length == 0)
        {
            throw new OidcProviderException(
                "Authentication failed because no id_token was returned. Please accept the \"openid\" permission and try again.", 400);
        }

        var idToken = await VerifyAsync(tokens.IdToken, ct);
        if (config.ClaimsSource != "userinfo")
        {
            return ClaimsReader.Read(idToken, fallback: fallback);
        }

        var document = await discovery.GetAsync(ct);
        if (document.UserinfoEndpoint is null)
        {
            throw new OidcProviderException("Unable to fetch the userinfo: the discovery document names no userinfo_endpoint.");
        }

        var userInfo = await UpstreamJson.GetAsync(http, document.UserinfoEndpoint, "userinfo", tokens.AccessToken, ct);
        var idClaims = ClaimsReader.Read(idToken);
        var claims = ClaimsReader.Read(userInfo, idClaims.Issuer, fallback: fallback);
        if (claims.Subject != idClaims.Subject)
        {
            throw new OidcProviderException("sub (Subject) claim mismatch between ID token and UserInfo endpoint", 400);
        }

        return claims;
    }
}
