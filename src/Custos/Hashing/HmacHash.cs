using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Custos.Hashing;

/// <summary>
/// <c>$hmac-&lt;alg&gt;$&lt;base64(hex digest)&gt;$&lt;base64 key&gt;</c>: HMAC(key, password), lower-case hex, compared with
/// the decoded second part. Here <c>sha224</c>/<c>sha384</c> are SHA-2 (unlike PBKDF2's names).
/// </summary>
internal static class HmacHash
{
    public static bool Verify(ReadOnlySpan<byte> password, string hash)
    {
        var parts = hash.Split('$');
        if (parts.Length != 4
            || !parts[1].StartsWith("hmac-", StringComparison.Ordinal)
            || !HashBase64.TryDecodeStrict(parts[2], padded: true, out var expected)
            || !HashBase64.TryDecodeStrict(parts[3], padded: true, out var key))
        {
            return false;
        }

        var mac = Compute(parts[1]["hmac-".Length..], key, password);
        return mac is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(mac)), expected);
    }

    // Legacy digests are verified only so imported users can log in once; the password is then re-hashed.
    [SuppressMessage("Security", "CA5350", Justification = "Verifying imported legacy hashes.")]
    [SuppressMessage("Security", "CA5351", Justification = "Verifying imported legacy hashes.")]
    private static byte[]? Compute(string algorithm, byte[] key, ReadOnlySpan<byte> password) =>
        algorithm switch
        {
            "md4" => Md4.Hmac(key, password),
            "md5" => HMACMD5.HashData(key, password),
            "sha1" => HMACSHA1.HashData(key, password),
            "sha224" => LibCrypto.HmacSha224(key, password),
            "sha256" => HMACSHA256.HashData(key, password),
            "sha384" => HMACSHA384.HashData(key, password),
            "sha512" => HMACSHA512.HashData(key, password),
            _ => null,
        };
}
