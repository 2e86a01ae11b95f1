using System.Security.Cryptography;
using System.Text;

namespace Custos.Sessions;

/// <summary>
/// Session and logout tokens in Kratos's format (<c>ory_st_</c> / <c>ory_lo_</c> + 32 alphanumerics, about 190 bits),
/// and the SHA-256 hex digest under which they are stored and looked up: a database leak reveals no usable token.
/// </summary>
internal static class SessionTokens
{
    public const string SessionPrefix = "ory_st_";
    public const string LogoutPrefix = "ory_lo_";
    public const int RandomLength = 32;
    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    // The largest multiple of the alphabet size that fits a byte: bytes at or above it are redrawn, so every
    // character is equally likely (a plain modulo would favour the first 8 characters).
    private const int AcceptBelow = 256 / 62 * 62;

    public static string NewSessionToken() => SessionPrefix + RandomAlphanumerics(RandomLength);

    public static string NewLogoutToken() => LogoutPrefix + RandomAlphanumerics(RandomLength);

    /// <summary>Lower-case hex SHA-256 of the token's UTF-8 bytes: the stored form.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary><paramref name="length"/> characters drawn uniformly from <see cref="Alphabet"/> by rejection sampling.</summary>
    public static string RandomAlphanumerics(int length)
    {
        var result = new StringBuilder(length);
        Span<byte> buffer = stackalloc byte[64];
        while (result.Length < length)
        {
            RandomNumberGenerator.Fill(buffer);
            foreach (var b in buffer)
            {
                if (b >= AcceptBelow)
                {
                    continue;
                }

                result.Append(Alphabet[b % Alphabet.Length]);
                if (result.Length == length)
                {
                    break;
                }
            }
        }

        return result.ToString();
    }
}
