namespace Custos.SelfService.Strategies.Oidc;

/// <summary>The person the provider vouched for, and the tokens it issued (stored, encrypted, at registration and linking).</summary>
internal sealed record OidcCallbackResult(OidcClaims Claims, OidcTokens Tokens);
