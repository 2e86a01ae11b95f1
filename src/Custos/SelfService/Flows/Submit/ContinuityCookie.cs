using Custos.Config;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Custos.SelfService.Flows.Submit;

/// <summary>
/// Kratos's <c>ory_kratos_continuity</c> cookie: binds a flow that leaves for another site (social sign-in) to the
/// browser that started it. Custos's value is a random token whose SHA-256 the flow keeps; nothing else is in it.
/// HttpOnly, 30 minutes, and Lax even when <c>cookies.same_site</c> is Strict: the provider's redirect back is a
/// cross-site navigation, which would never carry a Strict cookie.
/// </summary>
internal sealed class ContinuityCookie(IOptionsMonitor<CustosOptions> options)
{
    /// <summary>Kratos's cookie name.</summary>
    public const string Name = "ory_kratos_continuity";

    /// <summary>How long a started sign-in may take (Kratos's continuity container lives 30 minutes).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(30);

    /// <summary>The cookie's value in <paramref name="request"/>, or null.</summary>
    public static string? Read(HttpRequest request) =>
        request.Cookies.TryGetValue(Name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    /// <summary>Sets the cookie to <paramref name="value"/>, or expires it when null.</summary>
    public void Write(HttpResponse response, string? value)
    {
        var cookies = options.CurrentValue.Cookies;
        var header = new SetCookieHeaderValue(Name, value ?? "")
        {
            HttpOnly = true,
            Secure = cookies.Secure,
            SameSite = cookies.Secure && cookies.SameSite == CookieSameSite.None ? Microsoft.Net.Http.Headers.SameSiteMode.None : Microsoft.Net.Http.Headers.SameSiteMode.Lax,
            Path = string.IsNullOrEmpty(cookies.Path) ? "/" : cookies.Path,
            Domain = string.IsNullOrWhiteSpace(cookies.Domain) ? null : cookies.Domain,
            MaxAge = value is null ? TimeSpan.Zero : MaxAge,
        };
        if (value is null)
        {
            header.Expires = DateTimeOffset.UnixEpoch;
        }

        response.Headers.Append(HeaderNames.SetCookie, header.ToString());
    }
}
