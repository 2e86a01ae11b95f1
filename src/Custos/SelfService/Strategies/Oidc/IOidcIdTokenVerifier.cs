namespace Custos.SelfService.Strategies.Oidc;

/// <summary>
/// A provider that can verify an <c>id_token</c> a native app obtained itself (Sign in with Apple / Google SDKs):
/// signature against the provider's JWKS, its fixed issuer, <c>aud</c> ∈ {<c>client_id</c>} ∪
/// <c>additional_id_token_audiences</c>, expiry. Kratos's <c>IDTokenVerifier</c> + <c>NonceValidationSkipper</c>.
/// </summary>
internal interface IOidcIdTokenVerifier
{
    /// <summary>The token's claims; throws <see cref="OidcProviderException"/> (403 <c>Could not verify id_token</c>) when it does not verify.</summary>
    Task<OidcClaims> VerifyIdTokenAsync(string idToken, CancellationToken ct);

    /// <summary>Whether a token of this provider without a <c>nonce</c> claim is acceptable (Google; Apple with <c>nonce_supported: false</c>).</summary>
    bool CanSkipNonce(OidcClaims claims);
}
