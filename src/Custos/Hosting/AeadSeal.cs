using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Custos.Hosting;

/// <summary>
/// Opaque, tamper-proof tokens: AES-256-GCM under SHA-256 of a configured secret, base64url of
/// <c>version | nonce | ciphertext | tag</c>, with a purpose string as associated data so a token sealed for one use
/// never opens for another. The first key seals; every key opens (secret rotation). Used by the session cookie and
/// the courier list's page tokens.
/// </summary>
internal static class AeadSeal
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>The AES key of a configured secret.</summary>
    public static byte[] Key(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Seals <paramref name="plaintext"/> under <paramref name="key"/> for <paramref name="purpose"/>.</summary>
    public static string Seal(ReadOnlySpan<byte> plaintext, byte[] key, ReadOnlySpan<byte> purpose)
    {
        var sealedBytes = new byte[1 + NonceSize + plaintext.Length + TagSize];
        sealedBytes[0] = Version;
        var nonce = sealedBytes.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(1 + NonceSize, plaintext.Length), sealedBytes.AsSpan(1 + NonceSize + plaintext.Length), purpose);
        return WebEncoders.Base64UrlEncode(sealedBytes);
    }

    /// <summary>The plaintext of <paramref name="token"/>, or null when it is malformed, tampered with or sealed under none of <paramref name="keys"/>.</summary>
    public static byte[]? Open(string token, IEnumerable<byte[]> keys, ReadOnlySpan<byte> purpose)
    {
        byte[] sealedBytes;
        try
        {
            sealedBytes = WebEncoders.Base64UrlDecode(token);
        }
        catch (FormatException)
        {
            return null;
        }

        if (sealedBytes.Length < 1 + NonceSize + TagSize || sealedBytes[0] != Version)
        {
            return null;
        }

        var nonce = sealedBytes.AsSpan(1, NonceSize);
        var ciphertext = sealedBytes.AsSpan(1 + NonceSize, sealedBytes.Length - 1 - NonceSize - TagSize);
        var tag = sealedBytes.AsSpan(sealedBytes.Length - TagSize);
        var plaintext = new byte[ciphertext.Length];
        foreach (var key in keys)
        {
            using var aes = new AesGcm(key, TagSize);
            try
            {
                aes.Decrypt(nonce, ciphertext, tag, plaintext, purpose);
                return plaintext;
            }
            catch (AuthenticationTagMismatchException)
            {
            }
        }

        return null;
    }
}
