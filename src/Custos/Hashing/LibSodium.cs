using System.Runtime.InteropServices;
using System.Text;
using Custos.Hosting;

namespace Custos.Hashing;

/// <summary>
/// Argon2id through libsodium: SIMD-optimised, measured 2-3x faster than Debian's reference-code libargon2. It creates only
/// single-lane hashes, but verifies strings with any lane count (computing the lanes in turn on one core).
/// </summary>
internal static unsafe partial class LibSodium
{
    public const int SaltBytes = 16;
    public const int MinOutputBytes = 16;
    public const uint MinMemoryKiB = 8;
    private const int AlgArgon2id13 = 2;

    // sodium_init selects the fastest argon2 implementation for this CPU; without it libsodium falls back to the
    // portable reference code. It is idempotent and thread-safe.
    private static readonly int InitResult = sodium_init();

    /// <summary>True when libsodium can compute this argon2id: one lane, a 16-byte salt and at least 16 output bytes.</summary>
    public static bool Supports(uint parallelism, int saltLength, int outputLength, uint memoryKiB) =>
        parallelism == 1 && saltLength == SaltBytes && outputLength >= MinOutputBytes && memoryKiB >= MinMemoryKiB;

    /// <summary>True when libsodium's string verifier accepts these parameters (its minimums: 8-byte salt, 16-byte hash, m ≥ 8p).</summary>
    public static bool CanVerify(int saltLength, int keyLength, uint memoryKiB, uint parallelism) =>
        saltLength >= 8 && keyLength >= MinOutputBytes && memoryKiB >= 8UL * parallelism;

    /// <summary>Computes raw argon2id (v=19, p=1) into <paramref name="output"/>; false when libsodium refuses the parameters.</summary>
    public static bool Argon2id(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, uint iterations, uint memoryKiB, Span<byte> output)
    {
        if (InitResult < 0 || salt.Length != SaltBytes || output.Length < MinOutputBytes)
        {
            return false;
        }

        fixed (byte* pw = NativeBuffers.Pinnable(password))
        fixed (byte* s = salt)
        fixed (byte* o = output)
        {
            return crypto_pwhash(o, (ulong)output.Length, pw, (ulong)password.Length, s, iterations, (nuint)memoryKiB * 1024, AlgArgon2id13) == 0;
        }
    }

    /// <summary>Verifies a PHC argon2id string with libsodium (constant-time internally); false on mismatch or any error.</summary>
    public static bool VerifyArgon2idString(string encoded, ReadOnlySpan<byte> password)
    {
        if (InitResult < 0)
        {
            return false;
        }

        var text = new byte[encoded.Length + 1];
        Encoding.ASCII.GetBytes(encoded, text);
        fixed (byte* e = text)
        fixed (byte* pw = NativeBuffers.Pinnable(password))
        {
            return crypto_pwhash_argon2id_str_verify(e, pw, (ulong)password.Length) == 0;
        }
    }

    [LibraryImport(NativeLibraries.Sodium)]
    private static partial int crypto_pwhash_argon2id_str_verify(byte* encoded, byte* password, ulong passwordLength);

    [LibraryImport(NativeLibraries.Sodium)]
    private static partial int sodium_init();

    [LibraryImport(NativeLibraries.Sodium)]
    private static partial int crypto_pwhash(
        byte* output, ulong outputLength, byte* password, ulong passwordLength, byte* salt, ulong opsLimit, nuint memLimit, int algorithm);
}
