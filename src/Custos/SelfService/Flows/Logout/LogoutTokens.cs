using System.Security.Cryptography;
using System.Text;
using Custos.Config;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Flows.Logout;

/// <summary>
/// Logout tokens (<c>ory_lo_</c> + 32 alphanumerics) derived from the session id with an HMAC keyed by the cookie
/// secrets: nothing to store, checkable in constant time, and valid with any rotated secret.
/// </summary>
internal sealed class LogoutTokens(IOptionsMonitor<CustosOptions> options)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static readonly byte[] FallbackKey = RandomNumberGenerator.GetBytes(32);

    public string For(Guid sessionId) => Derive(Keys()[0], sessionId);

    public bool Matches(string? token, Guid sessionId)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        var given = Encoding.ASCII.GetBytes(token);
        var match = false;
        foreach (var key in Keys())
        {
            match |= CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(Derive(key, sessionId)));
        }

        return match;
    }

    private byte[][] Keys()
    {
        var secrets = options.CurrentValue.Secrets.CookieSecrets();
        return secrets.Count == 0 ? [FallbackKey] : secrets.Select(s => SHA256.HashData(Encoding.UTF8.GetBytes("custos-logout:" + s))).ToArray();
    }

    private static string Derive(byte[] key, Guid sessionId)
    {
        var mac = HMACSHA256.HashData(key, sessionId.ToByteArray());
        var chars = new char[32];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[mac[i] % Alphabet.Length];
        }

        return "ory_lo_" + new string(chars);
    }
}
