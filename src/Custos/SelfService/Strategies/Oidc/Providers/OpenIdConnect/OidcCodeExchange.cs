using Custos.Config;

namespace Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;

/// <summary>The callback of an OpenID Provider found by discovery: the code grant at its token endpoint, then the claims.</summary>
internal static class OidcCodeExchange
{
    /// <summary>The validated claims and the tokens; <paramref name="tokenUrl"/> replaces the discovered token endpoint.</summary>
    public static async Task<OidcCallbackResult> CompleteAsync(
        OidcProviderOptions config, OpenIdConnectClient client, HttpClient http, OidcCallbackRequest request, CancellationToken ct, string? tokenUrl = null)
    {
        var document = await client.Discovery.GetAsync(ct);
        OidcTokens tokens;
        try
        {
            (tokens, _) = await OAuth2TokenEndpoint.ExchangeAsync(http, tokenUrl ?? document.TokenEndpoint, config, request, null, ct);
        }
        catch (OidcProviderException e) when (e.Message.EndsWith("could not be reached.", StringComparison.Ordinal))
        {
            // The document may name a token endpoint the provider moved.
            client.Discovery.Invalidate();
            throw;
        }

        var claims = await client.ClaimsAsync(tokens, null, ct);
        return new OidcCallbackResult(ClaimsValidation.Validated(claims), tokens);
    }
}
