using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Custos.Admin.Keys;

/// <summary>Makes and hashes admin API keys: <c>custos_ak_</c> + base64url of 32 random bytes (256 bits).</summary>
internal static class AdminKeySecret
{
    public const string Prefix = "custos_ak_";
    private const int RandomBytes = 32;

    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>The lower-case SHA-256 hex digest stored in <c>admin_api_keys.key_hash</c>.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Whether <paramref name="key"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Matches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));
}
