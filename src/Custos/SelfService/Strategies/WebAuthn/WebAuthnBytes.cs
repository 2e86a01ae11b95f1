using System.Buffers.Text;

namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>
/// The three spellings of credential bytes on Kratos's wire (strategies contract §4.9 #4): base64url in options and
/// results, standard base64 in the stored credential JSON, lower-case hex in the remove buttons.
/// </summary>
internal static class WebAuthnBytes
{
    public static string ToBase64Url(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    /// <summary>Decodes base64url with or without padding; null when the text is not base64url.</summary>
    public static byte[]? FromBase64Url(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.TrimEnd('=');
        return Base64Url.IsValid(trimmed) ? Base64Url.DecodeFromChars(trimmed) : null;
    }

    public static string ToHex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Decodes hex in either case; null when the text is not hex.</summary>
    public static byte[]? FromHex(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length % 2 != 0)
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
