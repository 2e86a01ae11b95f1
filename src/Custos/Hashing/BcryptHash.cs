using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Custos.Hashing;

/// <summary>
/// bcrypt in modular crypt form, <c>$2a$&lt;cost&gt;$&lt;22-char salt&gt;&lt;31-char hash&gt;</c>, through libxcrypt.
/// Go's bcrypt, which Kratos uses, treats every minor version (<c>$2$</c>, <c>a</c>, <c>b</c>, <c>y</c>, <c>z</c>) as the
/// correct algorithm; libxcrypt's <c>$2b$</c> is exactly that, so both directions go through <c>$2b$</c>. (libxcrypt's
/// own <c>$2a$</c> adds a countermeasure for the old sign-extension bug that Go does not apply.)
/// </summary>
internal static class BcryptHash
{
    public const int MaxPasswordBytes = 72;
    public const int MinCost = 4;
    public const int MaxCost = 31;

    // Kratos refuses more than cost 15 (~2 s per compare) on import and at login.
    public const int MaxVerifiableCost = 15;

    private const int MinHashLength = 59;
    private const int SaltChars = 22;
    private const int HashChars = 31;
    private const string StandardAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private const string BcryptAlphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Kratos's import check: long enough, a cost bcrypt accepts (4–31), and a cost of at most 15.</summary>
    public static HashImportProblem CheckImportable(string hash)
    {
        if (!TryParse(hash, out var cost, out _, out _))
        {
            return HashImportProblem.Unparsable;
        }

        return cost > MaxVerifiableCost ? HashImportProblem.ExceedsBounds : HashImportProblem.None;
    }

    /// <summary>Hashes a password of at most 72 bytes (without NUL) as <c>$2a$</c> with a fresh 16-byte salt.</summary>
    public static string Generate(ReadOnlySpan<byte> password, int cost)
    {
        if (password.Length > MaxPasswordBytes || password.Contains((byte)0))
        {
            throw new ArgumentException("bcrypt takes at most 72 bytes without NUL; longer passwords are hashed with argon2id.", nameof(password));
        }

        var setting = string.Create(CultureInfo.InvariantCulture, $"$2b${cost:D2}${EncodeSalt(RandomNumberGenerator.GetBytes(16))}");
        var result = LibCrypt.Crypt(password, setting)
            ?? throw new InvalidOperationException("libxcrypt refused to compute a bcrypt hash.");
        return "$2a$" + result[4..];
    }

    /// <summary>
    /// Verifies in constant time. Passwords over 72 bytes never match (bcrypt would silently ignore the excess), nor do
    /// passwords containing NUL (C strings would truncate them), nor costs above 15.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> password, string hash)
    {
        if (password.Length > MaxPasswordBytes
            || !TryParse(hash, out var cost, out var salt, out var expected)
            || cost > MaxVerifiableCost
            || expected.Length != HashChars)
        {
            return false;
        }

        var setting = string.Create(CultureInfo.InvariantCulture, $"$2b${cost:D2}${salt}");
        var result = LibCrypt.Crypt(password, setting);

        // Compare only the hash part: libxcrypt re-encodes the salt, which normalises a non-canonical last salt
        // character, while Go keeps the stored salt text. Both decode the salt to the same bytes.
        return result is not null
            && result.Length == setting.Length + HashChars
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(result[^HashChars..]), Encoding.ASCII.GetBytes(expected));
    }

    // Mirrors Go's bcrypt decoding: "$2", an optional minor letter, "$", two cost digits (4-31), "$", the salt, the rest.
    private static bool TryParse(string hash, out int cost, out string salt, out string rest)
    {
        (cost, salt, rest) = (0, "", "");
        if (hash.Length < MinHashLength || !hash.StartsWith("$2", StringComparison.Ordinal))
        {
            return false;
        }

        var at = hash[2] == '$' ? 3 : 4;
        if (hash[at - 1] != '$'
            || !char.IsAsciiDigit(hash[at]) || !char.IsAsciiDigit(hash[at + 1]) || hash[at + 2] != '$')
        {
            return false;
        }

        cost = ((hash[at] - '0') * 10) + (hash[at + 1] - '0');
        salt = hash.Substring(at + 3, SaltChars);
        rest = hash[(at + 3 + SaltChars)..];
        return cost is >= MinCost and <= MaxCost && salt.All(c => BcryptAlphabet.Contains(c, StringComparison.Ordinal));
    }

    private static string EncodeSalt(byte[] salt)
    {
        var standard = Convert.ToBase64String(salt).TrimEnd('=');
        return string.Concat(standard.Select(c => BcryptAlphabet[StandardAlphabet.IndexOf(c, StringComparison.Ordinal)]));
    }
}
