using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Hosting;
using Microsoft.Extensions.Options;

namespace Custos.Sessions;

/// <summary>
/// The session cookie (<c>session.cookie.*</c>). Its value is <c>{session_token, expires_at}</c> sealed with AES-256-GCM
/// under SHA-256 of a cookie secret: the first secret seals, every secret opens (rotation). Anything that does not open
/// is treated as no cookie at all. Singleton, because the fallback secret lives for the process.
/// </summary>
internal sealed class SessionCookie(IOptionsMonitor<CustosOptions> options, TimeProvider clock, ILogger<SessionCookie> logger)
{
    // Binds the ciphertext to this purpose, so another cookie sealed with the same secrets can never pass as a session.
    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("custos/session-cookie/v1");

    private readonly Lazy<byte[]> _processSecret = new(() => RandomNumberGenerator.GetBytes(32));
    private int _warned;

    /// <summary>Sets the cookie for <paramref name="token"/>; persistent cookies last until <paramref name="expiresAt"/>.</summary>
    public void Write(HttpContext context, string token, DateTime expiresAt)
    {
        var cookie = options.CurrentValue.Session.Cookie;
        var attributes = Attributes(cookie);
        if (cookie.Persistent)
        {
            var remaining = expiresAt - Clock.Now(clock);
            attributes.MaxAge = remaining > TimeSpan.Zero ? TimeSpan.FromSeconds(Math.Floor(remaining.TotalSeconds)) : TimeSpan.Zero;
            attributes.Expires = new DateTimeOffset(expiresAt, TimeSpan.Zero);
        }

        context.Response.Cookies.Append(cookie.Name, Seal(new SessionCookieValue(token, expiresAt)), attributes);
    }

    /// <summary>Expires the cookie in the browser (same name, domain and path).</summary>
    public void Delete(HttpContext context)
    {
        var cookie = options.CurrentValue.Session.Cookie;
        var attributes = Attributes(cookie);
        attributes.MaxAge = TimeSpan.Zero;
        attributes.Expires = DateTimeOffset.UnixEpoch;
        context.Response.Cookies.Append(cookie.Name, "", attributes);
    }

    /// <summary>The request's session cookie opened, or null when absent, tampered with or sealed under an unknown secret.</summary>
    public SessionCookieValue? Read(HttpContext context)
    {
        var raw = context.Request.Cookies[options.CurrentValue.Session.Cookie.Name];
        return string.IsNullOrEmpty(raw) ? null : Open(raw);
    }

    public string Seal(SessionCookieValue value)
    {
        var plaintext = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["session_token"] = value.SessionToken,
            ["expires_at"] = KratosTime.Format(value.ExpiresAt),
        }.ToJsonString());
        return AeadSeal.Seal(plaintext, Keys()[0], Purpose);
    }

    public SessionCookieValue? Open(string value) =>
        AeadSeal.Open(value, Keys(), Purpose) is { } plaintext ? Parse(plaintext) : null;

    private static SessionCookieValue? Parse(byte[] plaintext)
    {
        try
        {
            var node = JsonNode.Parse(plaintext);
            var token = node?["session_token"]?.GetValue<string>();
            var expires = node?["expires_at"]?.GetValue<string>();
            if (string.IsNullOrEmpty(token) || expires is null)
            {
                return null;
            }

            var at = DateTime.Parse(expires, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
            return new SessionCookieValue(token, at);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private List<byte[]> Keys()
    {
        var secrets = options.CurrentValue.Secrets.CookieSecrets();
        if (secrets.Count > 0)
        {
            return secrets.Select(AeadSeal.Key).ToList();
        }

        if (Interlocked.Exchange(ref _warned, 1) == 0)
        {
            SessionsLog.RandomCookieSecret(logger);
        }

        return [_processSecret.Value];
    }

    private static CookieOptions Attributes(SessionCookieOptions cookie) => new()
    {
        HttpOnly = true,
        Secure = cookie.Secure,
        SameSite = cookie.SameSite switch
        {
            CookieSameSite.Strict => SameSiteMode.Strict,
            CookieSameSite.None => SameSiteMode.None,
            _ => SameSiteMode.Lax,
        },
        Domain = string.IsNullOrEmpty(cookie.Domain) ? null : cookie.Domain,
        Path = string.IsNullOrEmpty(cookie.Path) ? "/" : cookie.Path,
    };
}
