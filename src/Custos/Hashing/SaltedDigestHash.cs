using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Custos.Hashing;

/// <summary>
/// Unsalted and salted plain digests: LDAP <c>{SSHA}</c>/<c>{SSHA256}</c>/<c>{SSHA512}</c>,
/// <c>$sha1$|$sha256$|$sha512$pf=&lt;format&gt;$&lt;salt&gt;$&lt;hash&gt;</c> and <c>$md5$</c> (plain or with <c>pf=</c>).
/// </summary>
internal static class SaltedDigestHash
{
    /// <summary><c>{SSHA*}</c> + base64(digest ‖ salt); the digest is SHA-1/256/512 of password ‖ salt, and the salt is non-empty.</summary>
    public static bool VerifySsha(ReadOnlySpan<byte> password, string hash)
    {
        var (algorithm, prefixLength, digestLength) =
            hash.StartsWith("{SSHA}", StringComparison.Ordinal) ? ("sha1", 6, 20)
            : hash.StartsWith("{SSHA256}", StringComparison.Ordinal) ? ("sha256", 9, 32)
            : hash.StartsWith("{SSHA512}", StringComparison.Ordinal) ? ("sha512", 9, 64)
            : ("", 0, 0);
        if (digestLength == 0 || !HashBase64.TryDecodeLenient(hash[prefixLength..], out var decoded) || decoded.Length <= digestLength)
        {
            return false;
        }

        var digest = Digest(algorithm, [.. password, .. decoded.AsSpan(digestLength)]);
        return digest is not null && CryptographicOperations.FixedTimeEquals(digest, decoded.AsSpan(0, digestLength));
    }

    /// <summary><c>$sha1$pf=...$salt$hash</c> (also sha256, sha512): the digest of the format with salt and password substituted.</summary>
    public static bool VerifySha(ReadOnlySpan<byte> password, string hash)
    {
        var parts = hash.Split('$');
        if (parts.Length != 5 || !TryDecodeFormatted(parts[2], parts[3], parts[4], out var format, out var salt, out var expected))
        {
            return false;
        }

        var digest = Digest(parts[1], Substitute(format, salt, password));
        return digest is not null && CryptographicOperations.FixedTimeEquals(digest, expected);
    }

    /// <summary><c>$md5$&lt;base64 md5(password)&gt;</c> or <c>$md5$pf=...$salt$hash</c>.</summary>
    [SuppressMessage("Security", "CA5351", Justification = "Verifying imported legacy hashes; the password is then re-hashed.")]
    public static bool VerifyMd5(ReadOnlySpan<byte> password, string hash)
    {
        var parts = hash.Split('$');
        byte[]? expected;
        byte[] input;
        switch (parts.Length)
        {
            case 3:
                if (!HashBase64.TryDecodeStrict(parts[2], padded: true, out expected))
                {
                    return false;
                }

                input = password.ToArray();
                break;
            case 5:
                if (!TryDecodeFormatted(parts[2], parts[3], parts[4], out var format, out var salt, out expected))
                {
                    return false;
                }

                input = Substitute(format, salt, password);
                break;
            default:
                return false;
        }

        return CryptographicOperations.FixedTimeEquals(MD5.HashData(input), expected);
    }

    [SuppressMessage("Security", "CA5350", Justification = "Verifying imported legacy hashes; the password is then re-hashed.")]
    private static byte[]? Digest(string algorithm, ReadOnlySpan<byte> input) =>
        algorithm switch
        {
            "sha1" => SHA1.HashData(input),
            "sha256" => SHA256.HashData(input),
            "sha512" => SHA512.HashData(input),
            _ => null,
        };

    // "pf=" must be followed by a non-empty token (Go's Sscanf "%s"); every part is strict padded base64.
    private static bool TryDecodeFormatted(
        string formatPart, string saltPart, string hashPart, out byte[] format, out byte[] salt, out byte[] expected)
    {
        (format, salt, expected) = ([], [], []);
        if (!formatPart.StartsWith("pf=", StringComparison.Ordinal) || formatPart.Length == 3
            || !HashBase64.TryDecodeStrict(formatPart[3..], padded: true, out var f)
            || !HashBase64.TryDecodeStrict(saltPart, padded: true, out var s)
            || !HashBase64.TryDecodeStrict(hashPart, padded: true, out var e))
        {
            return false;
        }

        (format, salt, expected) = (f, s, e);
        return true;
    }

    // One left-to-right pass like Go's strings.Replacer: substituted text is never scanned again, so a password
    // containing "{SALT}" stays literal.
    private static byte[] Substitute(ReadOnlySpan<byte> format, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> password)
    {
        ReadOnlySpan<byte> saltToken = "{SALT}"u8;
        ReadOnlySpan<byte> passwordToken = "{PASSWORD}"u8;
        var output = new List<byte>(format.Length + salt.Length + password.Length);
        var i = 0;
        while (i < format.Length)
        {
            var rest = format[i..];
            if (rest.StartsWith(saltToken))
            {
                output.AddRange(salt);
                i += saltToken.Length;
            }
            else if (rest.StartsWith(passwordToken))
            {
                output.AddRange(password);
                i += passwordToken.Length;
            }
            else
            {
                output.Add(format[i]);
                i++;
            }
        }

        return [.. output];
    }
}
