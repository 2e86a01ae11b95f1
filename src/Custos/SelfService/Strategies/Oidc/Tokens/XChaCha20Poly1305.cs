using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Custos.Hashing;
using Custos.Hosting;

namespace Custos.SelfService.Strategies.Oidc.Tokens;

/// <summary>
/// XChaCha20-Poly1305 (IETF) through libsodium, in the layout of Go's <c>chacha20poly1305.NewX</c> as Kratos's
/// <c>cipher/chacha20.go</c> stores it: 24-byte random nonce ‖ ciphertext ‖ 16-byte tag, no associated data.
/// </summary>
internal static unsafe partial class XChaCha20Poly1305
{
    public const int KeyBytes = 32;
    public const int NonceBytes = 24;
    public const int TagBytes = 16;

    // sodium_init is idempotent and thread-safe; the AEAD functions need it to have run once.
    private static readonly int InitResult = sodium_init();

    /// <summary>nonce ‖ ciphertext ‖ tag of <paramref name="plaintext"/> under the 32-byte <paramref name="key"/>.</summary>
    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext)
    {
        if (InitResult < 0 || key.Length != KeyBytes)
        {
            throw new CryptographicException("libsodium could not initialise XChaCha20-Poly1305");
        }

        var output = new byte[NonceBytes + plaintext.Length + TagBytes];
        RandomNumberGenerator.Fill(output.AsSpan(0, NonceBytes));
        fixed (byte* o = output)
        fixed (byte* m = NativeBuffers.Pinnable(plaintext))
        fixed (byte* k = key)
        {
            ulong written;
            if (crypto_aead_xchacha20poly1305_ietf_encrypt(o + NonceBytes, &written, m, (ulong)plaintext.Length, null, 0, null, o, k) != 0)
            {
                throw new CryptographicException("XChaCha20-Poly1305 encryption failed");
            }
        }

        return output;
    }

    /// <summary>The plaintext of <paramref name="sealedBytes"/>, or null when it is too short or does not open under <paramref name="key"/>.</summary>
    public static byte[]? Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedBytes)
    {
        if (InitResult < 0 || key.Length != KeyBytes || sealedBytes.Length < NonceBytes + TagBytes)
        {
            return null;
        }

        // One spare byte, so an empty plaintext still has an address to be written to.
        var length = sealedBytes.Length - NonceBytes - TagBytes;
        var plaintext = new byte[length + 1];
        fixed (byte* m = plaintext)
        fixed (byte* c = sealedBytes)
        fixed (byte* k = key)
        {
            ulong written;
            var result = crypto_aead_xchacha20poly1305_ietf_decrypt(m, &written, null, c + NonceBytes, (ulong)(sealedBytes.Length - NonceBytes), null, 0, c, k);
            return result == 0 ? plaintext[..length] : null;
        }
    }

    [LibraryImport(NativeLibraries.Sodium)]
    private static partial int sodium_init();

    [LibraryImport(NativeLibraries.Sodium)]
    private static partial int crypto_aead_xchacha20poly1305_ietf_encrypt(
        byte* c, ulong* clen, byte* m, ulong mlen, byte* ad, ulong adlen, byte* nsec, byte* npub, byte* k);

    [LibraryImport(NativeLibraries.Sodium)]
    private static partial int crypto_aead_xchacha20poly1305_ietf_decrypt(
        byte* m, ulong* mlen, byte* nsec, byte* c, ulong clen, byte* ad, ulong adlen, byte* npub, byte* k);
}
