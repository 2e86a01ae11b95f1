using System.Runtime.InteropServices;
using Custos.Hosting;

namespace Custos.Hashing;

/// <summary>OpenSSL 3 primitives that .NET lacks: scrypt, SHA3-224/SHA3-384 for PBKDF2, and SHA-224 for HMAC.</summary>
internal static unsafe partial class LibCrypto
{
    // Plain scrypt is bounded at N=2^17, r=8 (128 MiB); OpenSSL's default cap of 32 MiB would refuse legitimate hashes.
    private const ulong ScryptMaxMemory = 1UL << 30;

    /// <summary>Computes scrypt into <paramref name="output"/>; false when OpenSSL refuses the parameters (N not a power of two above 1, ...).</summary>
    public static bool Scrypt(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, ulong n, ulong r, ulong p, Span<byte> output)
    {
        fixed (byte* pw = NativeBuffers.Pinnable(password))
        fixed (byte* s = NativeBuffers.Pinnable(salt))
        fixed (byte* o = output)
        {
            return EVP_PBE_scrypt(pw, (nuint)password.Length, s, (nuint)salt.Length, n, r, p, ScryptMaxMemory, o, (nuint)output.Length) == 1;
        }
    }

    /// <summary>PBKDF2 with HMAC-SHA3-224 or HMAC-SHA3-384 (<paramref name="sha3Bits"/> 224 or 384).</summary>
    public static bool Pbkdf2Sha3(int sha3Bits, ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int iterations, Span<byte> output)
    {
        var digest = sha3Bits == 224 ? EVP_sha3_224() : EVP_sha3_384();
        fixed (byte* pw = NativeBuffers.Pinnable(password))
        fixed (byte* s = NativeBuffers.Pinnable(salt))
        fixed (byte* o = output)
        {
            return digest != 0 && PKCS5_PBKDF2_HMAC(pw, password.Length, s, salt.Length, iterations, digest, output.Length, o) == 1;
        }
    }

    /// <summary>HMAC-SHA-224 of <paramref name="data"/>; null on failure.</summary>
    public static byte[]? HmacSha224(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        var output = new byte[28];
        uint length = 0;
        fixed (byte* k = NativeBuffers.Pinnable(key))
        fixed (byte* d = NativeBuffers.Pinnable(data))
        fixed (byte* o = output)
        {
            var result = HMAC(EVP_sha224(), k, key.Length, d, (nuint)data.Length, o, &length);
            return result == null || length != output.Length ? null : output;
        }
    }

    [LibraryImport(NativeLibraries.Crypto)]
    private static partial int EVP_PBE_scrypt(
        byte* password, nuint passwordLength, byte* salt, nuint saltLength, ulong n, ulong r, ulong p, ulong maxMemory, byte* key, nuint keyLength);

    [LibraryImport(NativeLibraries.Crypto)]
    private static partial int PKCS5_PBKDF2_HMAC(
        byte* password, int passwordLength, byte* salt, int saltLength, int iterations, nint digest, int keyLength, byte* output);

    [LibraryImport(NativeLibraries.Crypto)]
    private static partial byte* HMAC(nint digest, byte* key, int keyLength, byte* data, nuint dataLength, byte* output, uint* outputLength);

    [LibraryImport(NativeLibraries.Crypto)]
    private static partial nint EVP_sha3_224();

    [LibraryImport(NativeLibraries.Crypto)]
    private static partial nint EVP_sha3_384();

    [LibraryImport(NativeLibraries.Crypto)]
    private static partial nint EVP_sha224();
}
