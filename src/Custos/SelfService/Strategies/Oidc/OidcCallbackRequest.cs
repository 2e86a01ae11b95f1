namespace Custos.SelfService.Strategies.Oidc;

/// <summary>The callback's data an <see cref="IOidcProvider"/> needs to finish the exchange.</summary>
/// <param name="Code">The <c>code</c> query parameter.</param>
/// <param name="RedirectUri">The redirect URI sent in the authorization request (sent again to the token endpoint).</param>
/// <param name="CodeVerifier">The PKCE verifier, or null without PKCE.</param>
/// <param name="Query">Every query parameter of the callback (Apple sends the person's name in <c>user</c> on the first sign-in).</param>
internal sealed record OidcCallbackRequest(
    string Code,
    string RedirectUri,
    string? CodeVerifier,
    IReadOnlyDictionary<string, string> Query);
