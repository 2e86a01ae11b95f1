using System.Globalization;
using System.Security.Cryptography;

namespace Custos.Hashing;

/// <summary>
/// An argon2 hash in PHC form: <c>$argon2id$v=19$m=&lt;KiB&gt;,t=&lt;t&gt;,p=&lt;p&gt;$&lt;salt&gt;$&lt;key&gt;</c>
/// (also <c>$argon2i$</c>), salt and key in unpadded standard base64.
/// </summary>
internal sealed record Argon2Hash(Argon2Variant Variant, uint MemoryKiB, uint Iterations, uint Parallelism, byte[] Salt, byte[] Key)
{
    // Kratos's comparator bounds: attacker-supplied parameters must not exhaust memory or CPU at login.
    public const uint MaxMemoryKiB = 1 << 20;
    public const uint MaxIterations = 10;
    public const uint MaxParallelism = 16;
    private const int Version = 19;

    /// <summary>Parses in Kratos's order: shape, version 19, parameters, bounds, then salt and key.</summary>
    public static HashImportProblem TryParse(string encoded, out Argon2Hash? hash)
    {
        hash = null;
        var parts = encoded.Split('$');
        if (parts.Length != 6)
        {
            return HashImportProblem.Unparsable;
        }

        var variant = parts[1] switch
        {
            "argon2id" => Argon2Variant.Argon2id,
            "argon2i" => Argon2Variant.Argon2i,
            _ => (Argon2Variant?)null,
        };
        var version = HashParameters.TryParse(parts[2], "v");
        var values = HashParameters.TryParse(parts[3], "m", "t", "p");
        if (variant is null || version is null || version[0] != Version || values is null)
        {
            return HashImportProblem.Unparsable;
        }

        var (memory, iterations, parallelism) = (values[0], values[1], values[2]);
        if (memory is 0 or > MaxMemoryKiB || iterations is 0 or > MaxIterations || parallelism is 0 or > MaxParallelism)
        {
            return HashImportProblem.ExceedsBounds;
        }

        if (!HashBase64.TryDecodeStrict(parts[4], padded: false, out var salt)
            || !HashBase64.TryDecodeStrict(parts[5], padded: false, out var key))
        {
            return HashImportProblem.Unparsable;
        }

        hash = new Argon2Hash(variant.Value, (uint)memory, (uint)iterations, (uint)parallelism, salt, key);
        return HashImportProblem.None;
    }

    /// <summary>
    /// Derives a raw argon2 key. libsodium serves the single-lane argon2id case it supports (faster); libargon2 the rest.
    /// Returns null when the parameters are outside what the libraries accept (e.g. a salt under 8 bytes or m &lt; 8p,
    /// which Go's argon2 silently rounds up but the reference library refuses).
    /// </summary>
    public static byte[]? Derive(
        Argon2Variant variant, ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, uint iterations, uint memoryKiB, uint parallelism, int keyLength)
    {
        if (keyLength <= 0)
        {
            return null;
        }

        var key = new byte[keyLength];
        var ok = variant == Argon2Variant.Argon2id && LibSodium.Supports(parallelism, salt.Length, keyLength, memoryKiB)
            ? LibSodium.Argon2id(password, salt, iterations, memoryKiB, key)
            : LibArgon2.Hash(variant, password, salt, iterations, memoryKiB, parallelism, key);
        return ok ? key : null;
    }

    /// <summary>Checks <paramref name="password"/> against this hash in constant time.</summary>
    public bool Verify(ReadOnlySpan<byte> password)
    {
        // Logins are the hot path: libsodium checks even multi-lane hashes faster than libargon2 and on a single core.
        // Its verifier compares in constant time itself. The string is re-encoded from the strictly parsed values.
        if (Variant == Argon2Variant.Argon2id && LibSodium.CanVerify(Salt.Length, Key.Length, MemoryKiB, Parallelism))
        {
            return LibSodium.VerifyArgon2idString(Encode(), password);
        }

        var candidate = Derive(Variant, password, Salt, Iterations, MemoryKiB, Parallelism, Key.Length);
        return candidate is not null && CryptographicOperations.FixedTimeEquals(candidate, Key);
    }

    /// <summary>The PHC string Kratos writes.</summary>
    public string Encode() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"${(Variant == Argon2Variant.Argon2id ? "argon2id" : "argon2i")}$v={Version}$m={MemoryKiB},t={Iterations},p={Parallelism}${HashBase64.EncodeUnpadded(Salt)}${HashBase64.EncodeUnpadded(Key)}");
}
