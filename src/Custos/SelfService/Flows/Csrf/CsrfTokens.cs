using System.Security.Cryptography;
using System.Text;

namespace Custos.SelfService.Flows.Csrf;

/// <summary>
/// Anti-CSRF tokens as Kratos (nosurf) makes them: the cookie holds a "real" token, standard base64 of 32 random
/// bytes; forms carry a masked token, base64 of a 32-byte one-time pad followed by (token XOR pad), so every
/// rendering differs (BREACH mitigation) while all of them unmask to the cookie's token.
/// </summary>
internal static class CsrfTokens
{
    public const int TokenLength = 32;

    /// <summary>The form field and JSON key that carries the masked token.</summary>
    public const string FieldName = "csrf_token";

    /// <summary>The header the global CSRF middleware accepts instead of the form field.</summary>
    public const string HeaderName = "X-CSRF-Token";

    /// <summary><c>csrf_token_</c> + lower-case hex SHA-256 of the exact public base URL string, so instances on different URLs do not share cookies.</summary>
    public static string CookieName(string publicBaseUrl) =>
        FieldName + "_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(publicBaseUrl)));

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(TokenLength));

    /// <summary>True when <paramref name="cookieValue"/> is a real token (base64 of exactly 32 bytes).</summary>
    public static bool IsWellFormed(string? cookieValue) => Decode(cookieValue) is { Length: TokenLength };

    /// <summary>A fresh masking of <paramref name="token"/>; different on every call.</summary>
    public static string Mask(string token)
    {
        var real = Decode(token) is { Length: TokenLength } bytes ? bytes : throw new ArgumentException("not a CSRF token", nameof(token));
        var masked = new byte[2 * TokenLength];
        RandomNumberGenerator.Fill(masked.AsSpan(0, TokenLength));
        for (var i = 0; i < TokenLength; i++)
        {
            masked[TokenLength + i] = (byte)(real[i] ^ masked[i]);
        }

        return Convert.ToBase64String(masked);
    }

    /// <summary>
    /// Whether the submitted token (masked, or the real one) matches the cookie's token. Compared in constant time;
    /// anything missing or malformed is a mismatch.
    /// </summary>
    public static bool Verify(string? submitted, string? cookieToken)
    {
        var real = Decode(cookieToken);
        var sent = Decode(submitted);
        if (real is not { Length: TokenLength } || sent is null)
        {
            return false;
        }

        if (sent.Length == 2 * TokenLength)
        {
            var unmasked = new byte[TokenLength];
            for (var i = 0; i < TokenLength; i++)
            {
                unmasked[i] = (byte)(sent[TokenLength + i] ^ sent[i]);
            }

            sent = unmasked;
        }

        return sent.Length == TokenLength && CryptographicOperations.FixedTimeEquals(sent, real);
    }

    private static byte[]? Decode(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 128)
        {
            return null;
        }

        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) ? buffer[..written] : null;
    }
}
