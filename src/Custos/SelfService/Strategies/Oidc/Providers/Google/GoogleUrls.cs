namespace Custos.SelfService.Strategies.Oidc.Providers.Google;

/// <summary>
/// Where the <c>google</c> provider fetches Google's discovery document and keys. Tests replace the singleton to point
/// at a local server; the issuer Google's tokens carry stays <c>https://accounts.google.com</c>.
/// </summary>
/// <param name="Discovery">Google's OpenID Connect discovery document.</param>
/// <param name="Jwks">Google's signing keys, for <c>id_token</c>s submitted by native apps.</param>
internal sealed record GoogleUrls(string Discovery, string Jwks)
{
    /// <summary>Google's issuer, fixed by Kratos.</summary>
    public const string Issuer = "https://accounts.google.com";

    /// <summary>Google's production URLs.</summary>
    public static readonly GoogleUrls Default = new(
        "https://accounts.google.com/.well-known/openid-configuration", "https://www.googleapis.com/oauth2/v3/certs");
}
