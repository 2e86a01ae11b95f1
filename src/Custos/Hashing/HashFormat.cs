using System.Text.RegularExpressions;

namespace Custos.Hashing;

/// <summary>Recognises stored password hashes by prefix and vets hashes handed to the admin identity import.</summary>
internal static partial class HashFormat
{
    public const string UnknownFormatMessage = "The imported password does not match any known hash format.";

    public const string UnparsableMessage = "The imported password hash could not be parsed.";

    public const string ExceedsBoundsMessage =
        "The imported password hash declares cost parameters that exceed the bounds enforced by Ory. "
        + "Re-hash the password with a more conservative configuration before importing.";

    private static readonly HashKind[] Kinds = Enum.GetValues<HashKind>();

    /// <summary>The format of <paramref name="hash"/>, or null when no known prefix matches.</summary>
    public static HashKind? Detect(string hash)
    {
        var match = PrefixPattern().Match(hash);
        if (!match.Success)
        {
            return null;
        }

        foreach (var kind in Kinds)
        {
            if (match.Groups[kind.ToString()].Success)
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>
    /// Checks a hash for import as Kratos does: a known format first, then, for formats with attacker-controlled cost
    /// parameters (bcrypt, argon2, PBKDF2, scrypt, Firebase scrypt), that they parse and stay within bounds. Formats
    /// without cost parameters are accepted as they are; a garbled one simply never verifies.
    /// </summary>
    public static HashImportProblem CheckImportable(string hash) =>
        Detect(hash) switch
        {
            null => HashImportProblem.UnknownFormat,
            HashKind.Bcrypt => BcryptHash.CheckImportable(hash),
            HashKind.Argon2id or HashKind.Argon2i => Argon2Hash.TryParse(hash, out _),
            HashKind.Pbkdf2 => Pbkdf2Hash.TryParse(hash, out _),
            HashKind.Scrypt => ScryptHash.TryParse(hash, out _),
            HashKind.FirebaseScrypt => FirebaseScryptHash.TryParse(hash, out _),
            _ => HashImportProblem.None,
        };

    /// <summary>The Kratos error reason for <paramref name="problem"/>; null for <see cref="HashImportProblem.None"/>.</summary>
    public static string? Message(HashImportProblem problem) =>
        problem switch
        {
            HashImportProblem.UnknownFormat => UnknownFormatMessage,
            HashImportProblem.Unparsable => UnparsableMessage,
            HashImportProblem.ExceedsBounds => ExceedsBoundsMessage,
            _ => null,
        };

    // One alternation per HashKind, in Kratos's order; group names are the enum member names.
    [GeneratedRegex(
        @"^(?:(?<Md5Crypt>\$md5-crypt\$)|(?<Bcrypt>\$2[abzy]?\$)|(?<Sha256Crypt>\$sha256-crypt\$)|(?<Sha512Crypt>\$sha512-crypt\$)"
        + @"|(?<Argon2id>\$argon2id\$)|(?<Argon2i>\$argon2i\$)|(?<Pbkdf2>\$pbkdf2-sha[0-9]{1,3}\$)|(?<Scrypt>\$scrypt\$)"
        + @"|(?<Ssha>\{SSHA(?:256|512)?\})|(?<Sha>\$sha(?:1|256|512)\$)|(?<FirebaseScrypt>\$firescrypt\$)|(?<Md5>\$md5\$)"
        + @"|(?<Hmac>\$hmac-(?:md4|md5|sha1|sha224|sha256|sha384|sha512)\$))",
        RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();
}
