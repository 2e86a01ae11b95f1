using System.Runtime.InteropServices;
using Custos.Hosting;

namespace Custos.Hashing;

/// <summary>The reference argon2 library: any lane count (one thread per lane) and both argon2i and argon2id.</summary>
internal static unsafe partial class LibArgon2
{
    private const int Version13 = 0x13;

    /// <summary>Computes a raw argon2 hash (v=19) into <paramref name="output"/>; false when libargon2 refuses the parameters.</summary>
    public static bool Hash(
        Argon2Variant variant, ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, uint iterations, uint memoryKiB, uint parallelism, Span<byte> output)
    {
        fixed (byte* pw = NativeBuffers.Pinnable(password))
        fixed (byte* s = NativeBuffers.Pinnable(salt))
        fixed (byte* o = output)
        {
            var rc = argon2_hash(
                iterations, memoryKiB, parallelism, pw, (nuint)password.Length, s, (nuint)salt.Length,
                o, (nuint)output.Length, null, 0, (int)variant, Version13);
            return rc == 0;
        }
    }

    [LibraryImport(NativeLibraries.Argon2)]
    private static partial int argon2_hash(
        uint timeCost, uint memoryCost, uint parallelism, byte* password, nuint passwordLength, byte* salt, nuint saltLength,
        byte* hash, nuint hashLength, byte* encoded, nuint encodedLength, int type, int version);
}
