using System.Security.Cryptography;

namespace Custos.Hashing;

/// <summary>
/// An scrypt hash: <c>$scrypt$ln=&lt;N&gt;,r=&lt;r&gt;,p=&lt;p&gt;$&lt;salt&gt;$&lt;key&gt;</c>, padded standard base64.
/// Kratos quirk: despite its name, <c>ln</c> holds the cost N itself, not its base-2 logarithm.
/// </summary>
internal sealed record ScryptHash(ulong N, uint R, uint P, byte[] Salt, byte[] Key)
{
    public const ulong MaxN = 1 << 17;
    public const uint MaxR = 8;
    public const uint MaxP = 10;

    public static HashImportProblem TryParse(string encoded, out ScryptHash? hash)
    {
        hash = null;
        var parts = encoded.Split('$');
        var values = parts.Length == 5 ? HashParameters.TryParse(parts[2], "ln", "r", "p") : null;
        if (values is null)
        {
            return HashImportProblem.Unparsable;
        }

        if (values[0] is 0 or > MaxN || values[1] is 0 or > MaxR || values[2] is 0 or > MaxP)
        {
            return HashImportProblem.ExceedsBounds;
        }

        if (!HashBase64.TryDecodeStrict(parts[3], padded: true, out var salt)
            || !HashBase64.TryDecodeStrict(parts[4], padded: true, out var key))
        {
            return HashImportProblem.Unparsable;
        }

        hash = new ScryptHash(values[0], (uint)values[1], (uint)values[2], salt, key);
        return HashImportProblem.None;
    }

    /// <summary>Derives an scrypt key; null when N is not a power of two above 1 or the length is zero.</summary>
    public static byte[]? Derive(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, ulong n, uint r, uint p, int length)
    {
        if (length <= 0)
        {
            return null;
        }

        var key = new byte[length];
        return LibCrypto.Scrypt(password, salt, n, r, p, key) ? key : null;
    }

    public bool Verify(ReadOnlySpan<byte> password)
    {
        var candidate = Derive(password, Salt, N, R, P, Key.Length);
        return candidate is not null && CryptographicOperations.FixedTimeEquals(candidate, Key);
    }
}
