using System.Runtime.InteropServices;

namespace Custos.Hashing;

/// <summary>Argon2id through libsodium: SIMD-optimised and measured ~1.7x faster than Debian's libargon2, but single-lane.</summary>
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

    [LibraryImport(NativeLibraries.Sodium)]
    private static partial int sodium_init();

    [LibraryImport(NativeLibraries.Sodium)]
    private static partial int crypto_pwhash(
        byte* output, ulong outputLength, byte* password, ulong passwordLength, byte* salt, ulong opsLimit, nuint memLimit, int algorithm);
}
