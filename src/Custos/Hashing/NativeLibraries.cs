using System.Runtime.InteropServices;

namespace Custos.Hashing;

/// <summary>
/// The native libraries behind the hashers, loaded by their versioned Debian sonames. Checked once at start so that a
/// missing package fails the process with an actionable message instead of a DllNotFoundException on the first login.
/// </summary>
internal static class NativeLibraries
{
    public const string Sodium = "libsodium.so.23";
    public const string Argon2 = "libargon2.so.1";
    public const string Crypt = "libcrypt.so.1";
    public const string Crypto = "libcrypto.so.3";
    public const string Jsonnet = "libjsonnet.so.0";

    private static readonly (string Library, string Symbol, string Package)[] Required =
    [
        (Sodium, "crypto_pwhash", "libsodium23"),
        (Argon2, "argon2_hash", "libargon2-1"),
        // glibc's historic libcrypt.so.1 lacks crypt_rn; only libxcrypt (Debian libcrypt1) has it.
        (Crypt, "crypt_rn", "libcrypt1"),
        (Crypto, "EVP_PBE_scrypt", "libssl3"),
        // The courier's HTTP channel renders request bodies with Jsonnet.
        (Jsonnet, "jsonnet_make", "libjsonnet0"),
    ];

    /// <summary>Loads every library and resolves one symbol of each.</summary>
    /// <exception cref="NativeLibraryMissingException">Names each missing library and its Debian package.</exception>
    public static void EnsureAvailable()
    {
        var missing = new List<(string Library, string Package)>();
        foreach (var (library, symbol, package) in Required)
        {
            if (!NativeLibrary.TryLoad(library, typeof(NativeLibraries).Assembly, null, out var handle)
                || !NativeLibrary.TryGetExport(handle, symbol, out _))
            {
                missing.Add((library, package));
            }
        }

        if (missing.Count > 0)
        {
            throw new NativeLibraryMissingException(missing);
        }
    }
}
