using System.Security.Cryptography;
using System.Text;

namespace Custos.Hashing;

/// <summary>
/// Kratos's spelled-out crypt(3) prefixes: <c>$md5-crypt$</c>, <c>$sha256-crypt$</c> and <c>$sha512-crypt$</c> stand for
/// <c>$1$</c>, <c>$5$</c> and <c>$6$</c> (salt, optional <c>rounds=</c>, hash), verified with libxcrypt.
/// </summary>
internal static class CryptHash
{
    public static bool Verify(HashKind kind, ReadOnlySpan<byte> password, string hash)
    {
        var (named, id) = kind switch
        {
            HashKind.Md5Crypt => ("$md5-crypt", "$1"),
            HashKind.Sha256Crypt => ("$sha256-crypt", "$5"),
            HashKind.Sha512Crypt => ("$sha512-crypt", "$6"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a crypt(3) format."),
        };
        if (!hash.StartsWith(named, StringComparison.Ordinal) || !Ascii.IsValid(hash))
        {
            return false;
        }

        var expected = id + hash[named.Length..];

        // The whole stored string is the setting; crypt(3) reproduces it exactly when the password matches.
        var result = LibCrypt.Crypt(password, expected);
        return result is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(result), Encoding.ASCII.GetBytes(expected));
    }
}
