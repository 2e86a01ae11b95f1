using System.Security.Cryptography;

namespace Custos.Hashing;

/// <summary>
/// A PBKDF2 hash: <c>$pbkdf2-&lt;alg&gt;$i=&lt;iterations&gt;,l=&lt;length&gt;$&lt;salt&gt;$&lt;key&gt;</c>, unpadded standard
/// base64. The derived length is the decoded key's length; <c>l</c> must be a number but is otherwise ignored, as in Kratos.
/// </summary>
internal sealed record Pbkdf2Hash(string Algorithm, uint Iterations, byte[] Salt, byte[] Key)
{
    public const uint MaxIterations = 10_000_000;

    public static HashImportProblem TryParse(string encoded, out Pbkdf2Hash? hash)
    {
        hash = null;
        var parts = encoded.Split('$');
        if (parts.Length != 5)
        {
            return HashImportProblem.Unparsable;
        }

        var dash = parts[1].IndexOf('-', StringComparison.Ordinal);
        var values = HashParameters.TryParse(parts[2], "i", "l");
        if (dash < 0 || values is null)
        {
            return HashImportProblem.Unparsable;
        }

        if (values[0] is 0 or > MaxIterations)
        {
            return HashImportProblem.ExceedsBounds;
        }

        if (!HashBase64.TryDecodeStrict(parts[3], padded: false, out var salt)
            || !HashBase64.TryDecodeStrict(parts[4], padded: false, out var key))
        {
            return HashImportProblem.Unparsable;
        }

        hash = new Pbkdf2Hash(parts[1][(dash + 1)..], (uint)values[0], salt, key);
        return HashImportProblem.None;
    }

    /// <summary>
    /// Derives a PBKDF2 key. Kratos quirk: <c>sha224</c> and <c>sha384</c> mean SHA3-224 and SHA3-384 (Go's
    /// <c>sha3.New224</c>/<c>New384</c>), and any unknown name falls back to SHA-256.
    /// </summary>
    public static byte[]? Derive(string algorithm, ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int iterations, int length)
    {
        if (length <= 0 || iterations <= 0)
        {
            return null;
        }

        var key = new byte[length];
        switch (algorithm)
        {
            case "sha224":
                return LibCrypto.Pbkdf2Sha3(224, password, salt, iterations, key) ? key : null;
            case "sha384":
                return LibCrypto.Pbkdf2Sha3(384, password, salt, iterations, key) ? key : null;
            default:
                var prf = algorithm switch
                {
                    "sha1" => HashAlgorithmName.SHA1,
                    "sha512" => HashAlgorithmName.SHA512,
                    _ => HashAlgorithmName.SHA256,
                };
                Rfc2898DeriveBytes.Pbkdf2(password, salt, key, iterations, prf);
                return key;
        }
    }

    public bool Verify(ReadOnlySpan<byte> password)
    {
        var candidate = Derive(Algorithm, password, Salt, (int)Iterations, Key.Length);
        return candidate is not null && CryptographicOperations.FixedTimeEquals(candidate, Key);
    }
}
