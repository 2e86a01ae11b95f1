namespace Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;

/// <summary>Kratos's <c>Claims.Validate</c>: a person without <c>sub</c> or <c>iss</c> is an upstream error (502).</summary>
internal static class ClaimsValidation
{
    /// <summary><paramref name="claims"/>, or an <see cref="OidcProviderException"/> when <c>sub</c> or <c>iss</c> is empty.</summary>
    public static OidcClaims Validated(OidcClaims claims)
    {
        if (claims.Subject.Length == 0)
        {
            throw new OidcProviderException("provider did not return a subject");
        }

        if (claims.Issuer.Length == 0)
        {
            throw new OidcProviderException("issuer not set in claims");
        }

        return claims;
    }
}
