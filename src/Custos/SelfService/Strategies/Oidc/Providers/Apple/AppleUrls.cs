namespace Custos.SelfService.Strategies.Oidc.Providers.Apple;

/// <summary>
/// Where the <c>apple</c> provider reaches Apple. Tests replace the singleton; the issuer Apple's tokens carry stays
/// <c>https://appleid.apple.com</c>, and so does the client secret's audience.
/// </summary>
/// <param name="Discovery">Apple's OpenID Connect discovery document (its keys verify the callback's ID token).</param>
/// <param name="Authorize">The authorization endpoint.</param>
/// <param name="Token">The token endpoint.</param>
/// <param name="Jwks">Apple's signing keys, for <c>id_token</c>s submitted by native apps.</param>
internal sealed record AppleUrls(string Discovery, string Authorize, string Token, string Jwks)
{
    /// <summary>Apple's issuer, fixed by Kratos; also the audience of the client secret JWT.</summary>
    public const string Issuer = "https://appleid.apple.com";

    /// <summary>Apple's production URLs.</summary>
    public static readonly AppleUrls Default = new(
        "https://appleid.apple.com/.well-known/openid-configuration",
        "https://appleid.apple.com/auth/authorize",
        "https://appleid.apple.com/auth/token",
        "https://appleid.apple.com/auth/keys");
}
