using OtpNet;

namespace Custos.SelfService.Strategies.Totp;

/// <summary>
/// TOTP codes as Kratos checks them (pquerna/otp <c>totp.Validate</c>): HMAC-SHA1, 6 digits, 30 s steps, and the
/// previous, current and next step accepted. The code is trimmed and must then be exactly 6 characters.
/// </summary>
internal static class TotpCode
{
    public const int Digits = 6;
    public const int Period = 30;

    /// <summary>The time step <paramref name="code"/> matches for <paramref name="base32Secret"/> at <paramref name="utcNow"/>, or null.</summary>
    public static long? MatchStep(string base32Secret, string? code, DateTime utcNow)
    {
        var trimmed = code?.Trim();
        if (trimmed is not { Length: Digits } || DecodeSecret(base32Secret) is not { } key)
        {
            return null;
        }

        var totp = new OtpNet.Totp(key, Period, OtpHashMode.Sha1, Digits);
        return totp.VerifyTotp(Utc(utcNow), trimmed, out var step, VerificationWindow.RfcSpecifiedNetworkDelay) ? step : null;
    }

    /// <summary>The code of the step that contains <paramref name="utcNow"/>.</summary>
    public static string Compute(string base32Secret, DateTime utcNow) =>
        new OtpNet.Totp(DecodeSecret(base32Secret) ?? throw new ArgumentException("not a base32 secret", nameof(base32Secret)), Period, OtpHashMode.Sha1, Digits)
            .ComputeTotp(Utc(utcNow));

    /// <summary>The 30 s step that contains <paramref name="utcNow"/>.</summary>
    public static long Step(DateTime utcNow) => new DateTimeOffset(Utc(utcNow)).ToUnixTimeSeconds() / Period;

    /// <summary>
    /// The key bytes as pquerna/otp decodes them: trimmed, upper-cased, padded, strict RFC 4648 base32. An empty secret
    /// is refused: Kratos would check codes against an empty HMAC key, which anyone can compute.
    /// </summary>
    public static byte[]? DecodeSecret(string base32Secret)
    {
        var s = base32Secret.Trim().ToUpperInvariant();
        if (s.Length % 8 != 0)
        {
            s += new string('=', 8 - (s.Length % 8));
        }

        var padding = s.IndexOf('=', StringComparison.Ordinal);
        var data = padding >= 0 ? s[..padding] : s;
        // Go's decoder wants padding only at the end of the last block and never a block without data (1, 3 or 6 chars).
        if (data.Length == 0 || (data.Length % 8) is 1 or 3 or 6 || s.Length - data.Length >= 8
            || s[data.Length..].Any(c => c != '=') || data.Any(c => c is not (>= 'A' and <= 'Z' or >= '2' and <= '7')))
        {
            return null;
        }

        return Base32Encoding.ToBytes(data);
    }

    private static DateTime Utc(DateTime value) =>
        value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
