namespace Custos.SelfService.Strategies.Oidc;

/// <summary>What the strategy asks an <see cref="IOidcProvider"/> to put in its authorization URL.</summary>
/// <param name="State">The opaque <c>state</c> value.</param>
/// <param name="RedirectUri">Custos's callback URL for this provider, exactly as registered at the provider.</param>
/// <param name="CodeChallenge">The PKCE S256 challenge, or null when the provider does not use PKCE.</param>
/// <param name="ForceLogin">A refresh flow: send <c>prompt=login</c>.</param>
/// <param name="UpstreamParameters">The allowed <c>upstream_parameters</c> (<c>hd</c>, <c>prompt</c>, <c>auth_type</c>, <c>acr_values</c>), already filtered.</param>
internal sealed record OidcAuthorizationRequest(
    string State,
    string RedirectUri,
    string? CodeChallenge,
    bool ForceLogin,
    IReadOnlyDictionary<string, string> UpstreamParameters);
