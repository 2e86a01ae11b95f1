using System.Diagnostics.CodeAnalysis;

namespace Custos.Hashing;

/// <summary>The base64 flavours of stored hashes, decoded as strictly as Go's <c>base64.StdEncoding.Strict()</c>.</summary>
internal static class HashBase64
{
    /// <summary>
    /// Decodes standard-alphabet base64, refusing non-canonical input (stray characters, non-zero trailing bits).
    /// <paramref name="padded"/> selects <c>StdEncoding</c> (padding required) or <c>RawStdEncoding</c> (padding forbidden).
    /// </summary>
    public static bool TryDecodeStrict(string text, bool padded, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        string input;
        if (padded)
        {
            if (text.Length % 4 != 0)
            {
                return false;
            }

            input = text;
        }
        else
        {
            if (text.Contains('=') || text.Length % 4 == 1)
            {
                return false;
            }

            input = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        }

        var buffer = new byte[input.Length / 4 * 3];
        if (!Convert.TryFromBase64String(input, buffer, out var written))
        {
            return false;
        }

        var decoded = buffer[..written];
        if (!string.Equals(Convert.ToBase64String(decoded), input, StringComparison.Ordinal))
        {
            return false;
        }

        bytes = decoded;
        return true;
    }

    /// <summary>Decodes padded base64 leniently (trailing bits ignored), as Kratos does for <c>{SSHA}</c> hashes.</summary>
    public static bool TryDecodeLenient(string text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        var buffer = new byte[(text.Length / 4 * 3) + 3];
        if (text.Length % 4 != 0 || !Convert.TryFromBase64String(text, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }

    /// <summary>Standard-alphabet base64 without padding, as argon2 and PBKDF2 hashes are written.</summary>
    public static string EncodeUnpadded(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=');
}
