using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Custos.Config;
using Microsoft.IdentityModel.Tokens;

namespace Custos.SelfService.Strategies.Oidc.Providers.Apple;

/// <summary>
/// Sign in with Apple's client secret: an ES256 JWT signed with the developer key (<c>apple_private_key</c>, PEM
/// PKCS#8), header <c>kid</c> = <c>apple_private_key_id</c>, claims <c>iss</c> = <c>apple_team_id</c>, <c>sub</c> =
/// <c>client_id</c>, <c>aud</c> = [<c>https://appleid.apple.com</c>], <c>iat</c> now, <c>exp</c> 5 minutes later —
/// made fresh for every token request, as Kratos does.
/// </summary>
internal static class AppleClientSecret
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>The secret; throws <see cref="OidcProviderException"/> (500, a configuration fault) when the key is unusable.</summary>
    public static string Create(OidcProviderOptions config, DateTimeOffset now)
    {
        using var key = ReadKey(config.ApplePrivateKey) ?? throw new OidcProviderException(
            $"The apple_private_key of OpenID Connect provider \"{config.Id}\" is not a PEM \"PRIVATE KEY\" (PKCS#8) holding an EC P-256 key.", 500);
        var header = new JsonObject { ["alg"] = "ES256", ["kid"] = config.ApplePrivateKeyId ?? "", ["typ"] = "JWT" };
        var claims = new JsonObject
        {
            ["iss"] = config.AppleTeamId ?? "",
            ["sub"] = config.ClientId,
            ["aud"] = new JsonArray(AppleUrls.Issuer),
            ["exp"] = (now + Lifetime).ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
        };
        var signingInput = Base64UrlEncoder.Encode(header.ToJsonString()) + "." + Base64UrlEncoder.Encode(claims.ToJsonString());

        // JWS ES256 wants r‖s (IEEE P1363), which is .NET's default signature format.
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256);
        return signingInput + "." + Base64UrlEncoder.Encode(signature);
    }

    /// <summary>The EC P-256 key in <paramref name="pem"/>, or null when it is not one in a <c>PRIVATE KEY</c> block.</summary>
    public static ECDsa? ReadKey(string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem) || !PemEncoding.TryFind(pem, out var fields) || pem[fields.Label] is not "PRIVATE KEY")
        {
            return null;
        }

        var der = Convert.FromBase64String(pem[fields.Base64Data].ToString());
        var key = ECDsa.Create();
        try
        {
            key.ImportPkcs8PrivateKey(der, out _);
            if (key.KeySize == 256)
            {
                return key;
            }
        }
        catch (CryptographicException)
        {
        }

        key.Dispose();
        return null;
    }
}
