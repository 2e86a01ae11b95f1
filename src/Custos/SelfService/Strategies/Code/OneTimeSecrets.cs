using System.Security.Cryptography;
using System.Text;
using Custos.Config;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.Code;

/// <summary>
/// Draws codes (6 digits) and link tokens (32 alphanumerics) and computes the HMACs they are stored and looked up by,
/// keyed with the session secrets (<c>secrets.cookie</c>, else <c>secrets.default</c>) as Kratos does. Every configured
/// secret yields a candidate HMAC, so codes issued before a secret rotation still work.
/// </summary>
internal sealed class OneTimeSecrets(IOptionsMonitor<CustosOptions> options)
{
    // Without configured secrets codes only live as long as the process (like the sealed session cookie).
    private static readonly byte[] FallbackKey = RandomNumberGenerator.GetBytes(32);

    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Kratos's <c>ErrCodeSubmittedTooOften</c>, shown as the generic 4000001 on the replacement flow.</summary>
    public static Ui.UiText SubmittedTooOften() => CodeErrors.SubmittedTooOften();

    public static string NewToken() => Sessions.SessionTokens.RandomAlphanumerics(32);

    /// <summary>The HMAC a new secret is stored with (the first secret).</summary>
    public string Hmac(string secret) => Compute(Keys()[0], secret);

    /// <summary>The HMAC under every configured secret, to look a submitted secret up.</summary>
    public IReadOnlyList<string> Candidates(string secret) => Keys().Select(k => Compute(k, secret)).Distinct().ToList();

    private byte[][] Keys()
    {
        var secrets = options.CurrentValue.Secrets.CookieSecrets();
        return secrets.Count == 0 ? [FallbackKey] : secrets.Select(s => Encoding.UTF8.GetBytes(s)).ToArray();
    }

    private static string Compute(byte[] key, string secret) =>
        Convert.ToHexStringLower(HMACSHA512.HashData(key, Encoding.UTF8.GetBytes(secret.Trim())));
}
