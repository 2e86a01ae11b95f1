using System.Security.Cryptography;

namespace Custos.Hashing;

/// <summary>
/// Firebase's modified scrypt:
/// <c>$firescrypt$ln=&lt;log2 N&gt;,r=&lt;r&gt;,p=&lt;p&gt;$&lt;salt&gt;$&lt;hash&gt;$&lt;salt separator&gt;$&lt;signer key&gt;</c>,
/// padded standard base64. The hash is the signer key encrypted with AES-256-CTR (zero IV) under
/// scrypt(password, salt ‖ separator, N, r, p, 32).
/// </summary>
internal sealed record FirebaseScryptHash(uint LogN, uint R, uint P, byte[] Salt, byte[] Hash, byte[] SaltSeparator, byte[] SignerKey)
{
    public const uint MaxLogN = 17;
    private const int DerivedKeyLength = 32;
    private const int BlockSize = 16;

    public static HashImportProblem TryParse(string encoded, out FirebaseScryptHash? hash)
    {
        hash = null;
        var parts = encoded.Split('$');
        var values = parts.Length == 7 ? HashParameters.TryParse(parts[2], "ln", "r", "p") : null;
        if (values is null)
        {
            return HashImportProblem.Unparsable;
        }

        if (values[0] > MaxLogN || values[1] is 0 or > ScryptHash.MaxR || values[2] is 0 or > ScryptHash.MaxP)
        {
            return HashImportProblem.ExceedsBounds;
        }

        if (!HashBase64.TryDecodeStrict(parts[3], padded: true, out var salt)
            || !HashBase64.TryDecodeStrict(parts[4], padded: true, out var stored)
            || !HashBase64.TryDecodeStrict(parts[5], padded: true, out var separator)
            || !HashBase64.TryDecodeStrict(parts[6], padded: true, out var signerKey))
        {
            return HashImportProblem.Unparsable;
        }

        hash = new FirebaseScryptHash((uint)values[0], (uint)values[1], (uint)values[2], salt, stored, separator, signerKey);
        return HashImportProblem.None;
    }

    public bool Verify(ReadOnlySpan<byte> password)
    {
        if (Hash.Length == 0)
        {
            return false;
        }

        var key = ScryptHash.Derive(password, [.. Salt, .. SaltSeparator], 1UL << (int)LogN, R, P, DerivedKeyLength);
        if (key is null)
        {
            return false;
        }

        var candidate = AesCtrZeroIv(key, SignerKey);
        CryptographicOperations.ZeroMemory(key);
        return CryptographicOperations.FixedTimeEquals(candidate, Hash);
    }

    // AES-CTR as Go's cipher.NewCTR runs it: a 128-bit big-endian counter starting at zero.
    private static byte[] AesCtrZeroIv(byte[] key, byte[] plaintext)
    {
        var blocks = (plaintext.Length + BlockSize - 1) / BlockSize;
        var counters = new byte[blocks * BlockSize];
        for (var block = 1; block < blocks; block++)
        {
            var counter = counters.AsSpan(block * BlockSize, BlockSize);
            counters.AsSpan((block - 1) * BlockSize, BlockSize).CopyTo(counter);
            for (var i = BlockSize - 1; i >= 0; i--)
            {
                if (++counter[i] != 0)
                {
                    break;
                }
            }
        }

        using var aes = Aes.Create();
        aes.Key = key;
        var keystream = aes.EncryptEcb(counters, PaddingMode.None);
        var output = new byte[plaintext.Length];
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = (byte)(plaintext[i] ^ keystream[i]);
        }

        return output;
    }
}
