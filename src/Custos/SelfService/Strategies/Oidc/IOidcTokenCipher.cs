namespace Custos.SelfService.Strategies.Oidc;

/// <summary>
/// Encrypts the upstream tokens stored in an <c>oidc</c> credential (<c>initial_id_token</c>, <c>initial_access_token</c>,
/// <c>initial_refresh_token</c>) with <c>secrets.cipher</c> (strategies contract §5.10), and opens them for the admin
/// API's <c>include_credential=oidc</c>. <c>""</c> stays <c>""</c>.
/// </summary>
internal interface IOidcTokenCipher
{
    /// <summary>The stored form of <paramref name="token"/>.</summary>
    string Encrypt(string token);

    /// <summary>The token, or <c>""</c> when <paramref name="stored"/> opens under no configured secret.</summary>
    string Decrypt(string stored);
}
