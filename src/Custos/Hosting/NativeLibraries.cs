using System.Runtime.InteropServices;
using Custos.Config;

namespace Custos.Hosting;

/// <summary>
/// The native libraries behind hashing and Jsonnet, loaded by their versioned sonames. Each is checked at start only
/// when the configuration needs it, so a missing package fails the process with an actionable message instead of a
/// <see cref="DllNotFoundException"/> on the first login or mail, and a package nobody uses is never demanded.
/// </summary>
internal static class NativeLibraries
{
    /// <summary>libsodium from the <c>libsodium</c> NuGet package (its <c>runtimes/RID/native</c> folder), not from apt.</summary>
    public const string Sodium = "libsodium";
    public const string Argon2 = "libargon2.so.1";
    public const string Crypt = "libcrypt.so.1";
    public const string Crypto = "libcrypto.so.3";
    public const string Jsonnet = "libjsonnet.so.0";

    public static readonly NativeDependency SodiumLibrary = new(Sodium, "crypto_pwhash", null);
    public static readonly NativeDependency Argon2Library = new(Argon2, "argon2_hash", "libargon2-1");

    // glibc's historic libcrypt.so.1 lacks crypt_rn; only libxcrypt (Debian libcrypt1, an essential package) has it.
    public static readonly NativeDependency CryptLibrary = new(Crypt, "crypt_rn", "libcrypt1");

    // OpenSSL is already needed by .NET's own cryptography on Linux, so scrypt import costs no extra package.
    public static readonly NativeDependency CryptoLibrary = new(Crypto, "EVP_PBE_scrypt", "libssl3");
    public static readonly NativeDependency JsonnetLibrary = new(Jsonnet, "jsonnet_make", "libjsonnet0");

    /// <summary>The libraries this configuration needs, each with the YAML setting that needs it.</summary>
    public static IReadOnlyList<(NativeDependency Dependency, string Reason)> NeededBy(CustosOptions options)
    {
        var needed = new List<(NativeDependency, string)>
        {
            (SodiumLibrary, "password hashing"),
            (CryptLibrary, "bcrypt password hashing"),
            (CryptoLibrary, "importing scrypt password hashes"),
        };
        if (NeedsLibArgon2(options.Hashers))
        {
            needed.Add((Argon2Library, "hashers.algorithm: argon2 with hashers.argon2.parallelism other than 1"));
        }

        if (JsonnetUse(options) is { } reason)
        {
            needed.Add((JsonnetLibrary, reason));
        }

        return needed;
    }

    /// <summary>Loads each library and resolves its symbol.</summary>
    /// <exception cref="NativeLibraryMissingException">Names each missing library, why it is needed and its package.</exception>
    public static void EnsureAvailable(IReadOnlyList<(NativeDependency Dependency, string Reason)> needed)
    {
        var missing = needed.Where(n => !CanLoad(n.Dependency)).ToList();
        if (missing.Count > 0)
        {
            throw new NativeLibraryMissingException(missing);
        }
    }

    /// <summary>True when the library loads and exports its symbol.</summary>
    public static bool CanLoad(NativeDependency dependency) =>
        NativeLibrary.TryLoad(dependency.Library, typeof(NativeLibraries).Assembly, null, out var handle)
        && NativeLibrary.TryGetExport(handle, dependency.Symbol, out _);

    // libsodium computes only single-lane argon2id with a 16-byte salt; every other hash Custos creates needs libargon2.
    // Verifying needs libargon2 only for unusual imported hashes (argon2i, or a salt under 8 bytes), which fail then.
    private static bool NeedsLibArgon2(HashersOptions hashers) =>
        hashers.Algorithm == PasswordHashAlgorithm.Argon2 && (hashers.Argon2.Parallelism != 1 || hashers.Argon2.SaltLength != 16);

    private static string? JsonnetUse(CustosOptions options)
    {
        if (string.Equals(options.Courier.DeliveryStrategy, "http", StringComparison.Ordinal))
        {
            return "courier.delivery_strategy: http (request bodies are Jsonnet)";
        }

        var channel = options.Courier.Channels.FindIndex(c => string.Equals(c.Type, "http", StringComparison.Ordinal));
        if (channel >= 0)
        {
            return $"courier.channels[{channel}] (request bodies are Jsonnet)";
        }

        if (options.Selfservice.Methods.Oidc is { Enabled: true, Config.Providers.Count: > 0 })
        {
            return "selfservice.methods.oidc (claims mappers are Jsonnet)";
        }

        if (options.Session.Whoami.Tokenizer.Templates.Count > 0)
        {
            return "session.whoami.tokenizer.templates (claims mappers are Jsonnet)";
        }

        return WebHookPaths.First(options) is { } path ? path + ": web_hook (request bodies are Jsonnet)" : null;
    }
}
