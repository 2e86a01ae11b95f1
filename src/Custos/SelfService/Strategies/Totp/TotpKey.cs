using System.Security.Cryptography;
using OtpNet;

namespace Custos.SelfService.Strategies.Totp;

/// <summary>A TOTP key: its <c>otpauth://</c> URI (what is stored and put in the QR code) and its base32 secret (shown as text).</summary>
internal sealed record TotpKey(string Url, string Secret)
{
    /// <summary>160 bits, the shared-secret length RFC 4226 recommends and Kratos draws.</summary>
    public const int SecretSize = 20;

    /// <summary>A new random key for <paramref name="accountName"/> at <paramref name="issuer"/>.</summary>
    public static TotpKey Generate(string issuer, string accountName) =>
        FromSecret(RandomNumberGenerator.GetBytes(SecretSize), issuer, accountName);

    /// <summary>The key for given secret bytes (base32 without padding, as Go's <c>base32.NoPadding</c>).</summary>
    public static TotpKey FromSecret(byte[] secret, string issuer, string accountName)
    {
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        var base32 = Base32Encoding.ToString(secret).TrimEnd('=');
        return new TotpKey(TotpKeyUri.Build(issuer, accountName, base32), base32);
    }
}
