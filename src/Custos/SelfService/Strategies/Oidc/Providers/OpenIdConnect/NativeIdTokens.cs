using Custos.Config;
using Microsoft.IdentityModel.Tokens;

namespace Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;

/// <summary>
/// Kratos's <c>verifyToken</c> for <c>id_token</c>s a native app obtained itself (strategies contract §5.9): the
/// provider's JWKS, its fixed issuer, <c>aud</c> ∈ {<c>client_id</c>} ∪ <c>additional_id_token_audiences</c>, expiry.
/// Every failure is 403 <c>Could not verify id_token</c>; a token without <c>sub</c> or <c>iss</c> is 403
/// <c>The id_token claims were invalid</c>.
/// </summary>
internal sealed class NativeIdTokens(HttpClient http, IdTokenValidator validator, OidcProviderOptions config, string jwksUrl, IReadOnlyCollection<string> issuers)
{
    private readonly JwksKeySet _keys = new(http);

    /// <summary>The token's claims.</summary>
    public async Task<OidcClaims> VerifyAsync(string idToken, CancellationToken ct)
    {
        System.Text.Json.Nodes.JsonObject payload;
        try
        {
            payload = await validator.ValidateAsync(
                idToken,
                issuers,
                [config.ClientId, .. config.AdditionalIdTokenAudiences],
                // go-oidc's verifier without a discovery document accepts RS256 only; Google and Apple sign with it.
                ["RS256"],
                Keys,
                403,
                ct);
        }
        catch (OidcProviderException)
        {
            throw new OidcProviderException("Could not verify id_token", 403);
        }

        var claims = ClaimsReader.Read(payload);
        if (claims.Subject.Length == 0 || claims.Issuer.Length == 0)
        {
            throw new OidcProviderException("The id_token claims were invalid", 403);
        }

        return claims;
    }

    private Task<IReadOnlyList<SecurityKey>> Keys(string? kid, CancellationToken ct) => _keys.KeysAsync(jwksUrl, kid, ct);
}
