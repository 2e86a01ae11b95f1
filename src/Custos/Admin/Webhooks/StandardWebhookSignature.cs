using System.Security.Cryptography;
using System.Text;

namespace Custos.Admin.Webhooks;

/// <summary>
/// The Standard Webhooks signing scheme (standardwebhooks.com): the secret is <c>whsec_</c> + base64 of the key bytes,
/// and <c>webhook-signature</c> is <c>v1,</c> + base64 of HMAC-SHA256(key, <c>"{webhook-id}.{webhook-timestamp}.{body}"</c>).
/// </summary>
internal static class StandardWebhookSignature
{
    public const string SecretPrefix = "whsec_";
    public const int KeyBytes = 32;

    /// <summary>A fresh secret: 32 random bytes.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>The key bytes of a <c>whsec_</c> secret.</summary>
    public static byte[] KeyOf(string secret) =>
        Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);

    /// <summary>The <c>webhook-signature</c> header value for one attempt.</summary>
    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        var content = Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyOf(secret), content));
    }
}
