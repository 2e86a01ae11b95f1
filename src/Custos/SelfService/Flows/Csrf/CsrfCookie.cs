using Custos.Config;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using HeaderSameSite = Microsoft.Net.Http.Headers.SameSiteMode;

namespace Custos.SelfService.Flows.Csrf;

/// <summary>
/// Reads and writes the anti-CSRF cookie (<c>csrf_token_&lt;sha256(public base URL)&gt;</c>): HttpOnly,
/// <c>Secure</c> = <c>cookies.secure</c>, <c>SameSite</c> = <c>cookies.same_site</c> (forced to <c>Lax</c> when not
/// secure, because browsers drop <c>SameSite=None</c> cookies without <c>Secure</c>), <c>cookies.path</c>,
/// <c>cookies.domain</c>, one year. The token chosen for a request is remembered in <c>HttpContext.Items</c>, so every
/// caller in the same request sees the same token even when the cookie was only just set.
/// </summary>
internal sealed class CsrfCookie(IOptionsMonitor<CustosOptions> options)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(365);

    private static readonly object ItemKey = new();

    /// <summary>The cookie name for the current <c>serve.public.base_url</c> (used verbatim when configured, as Kratos does).</summary>
    public string Name
    {
        get
        {
            var current = options.CurrentValue;
            var configured = current.Serve.Public.BaseUrl;
            return CsrfTokens.CookieName(string.IsNullOrWhiteSpace(configured) ? current.Serve.Public.EffectiveBaseUrl(current.Dev) : configured);
        }
    }

    /// <summary>The request's real token, or null when the cookie is absent or malformed.</summary>
    public string? Read(HttpRequest request)
    {
        if (request.HttpContext.Items.TryGetValue(ItemKey, out var memo) && memo is string token)
        {
            return token;
        }

        var value = request.Cookies[Name];
        return CsrfTokens.IsWellFormed(value) ? value : null;
    }

    /// <summary>The real token of this request; sets a new cookie when it is missing or malformed.</summary>
    public string EnsureCookie(HttpContext context)
    {
        if (Read(context.Request) is { } existing)
        {
            context.Items[ItemKey] = existing;
            return existing;
        }

        return Rotate(context);
    }

    /// <summary>Replaces the token (after login, logout, recovery, ...) and returns the new one.</summary>
    public string Rotate(HttpContext context)
    {
        var token = CsrfTokens.NewToken();
        Write(context.Response, token);
        context.Items[ItemKey] = token;
        return token;
    }

    /// <summary>Sets the cookie to a token chosen earlier in the request (a flow step's pending cookie).</summary>
    public void Set(HttpContext context, string token)
    {
        Write(context.Response, token);
        context.Items[ItemKey] = token;
    }

    /// <summary>A freshly masked token for a form's <c>csrf_token</c> node; ensures the cookie.</summary>
    public string MaskedToken(HttpContext context) => CsrfTokens.Mask(EnsureCookie(context));

    /// <summary>Whether <paramref name="submitted"/> matches the request's cookie (a cookie set during this request does not count).</summary>
    public bool Matches(HttpRequest request, string? submitted)
    {
        var value = request.Cookies[Name];
        return CsrfTokens.IsWellFormed(value) && CsrfTokens.Verify(submitted, value);
    }

    /// <summary>
    /// The per-flow check of a submission, as Kratos's <c>EnsureCSRF</c>: a browser flow needs the body's
    /// <c>csrf_token</c> to match the cookie (else 403 <c>security_csrf_violation</c>); an API flow must not look like a
    /// browser, so an <c>Origin</c> header or any cookie (Cloudflare's own excepted) is a 400.
    /// </summary>
    public void EnsureValid(HttpRequest request, bool apiFlow, string? submitted, bool disableApiFlowEnforcement = false)
    {
        if (apiFlow)
        {
            if (disableApiFlowEnforcement)
            {
                return;
            }

            if (!string.IsNullOrEmpty(request.Headers.Origin.ToString()))
            {
                throw CsrfErrors.OriginHeaderNeedsBrowserFlow();
            }

            // Cloudflare sets cookies of its own that clients cannot avoid sending.
            var cookies = request.Cookies.Keys
                .Where(n => !n.StartsWith("__cf", StringComparison.Ordinal) && !n.StartsWith("_cf", StringComparison.Ordinal) && !n.StartsWith("cf_", StringComparison.Ordinal))
                .ToList();
            if (cookies.Count > 0)
            {
                throw CsrfErrors.CookieHeaderNeedsBrowserFlow(cookies);
            }

            return;
        }

        if (!Matches(request, submitted))
        {
            throw CsrfErrors.ForRequest(request, Name, tokenSent: !string.IsNullOrEmpty(submitted));
        }
    }

    private void Write(HttpResponse response, string token)
    {
        var current = options.CurrentValue;
        var cookies = current.Cookies;
        var sameSite = !cookies.Secure ? HeaderSameSite.Lax : cookies.SameSite switch
        {
            CookieSameSite.Strict => HeaderSameSite.Strict,
            CookieSameSite.None => HeaderSameSite.None,
            _ => HeaderSameSite.Lax,
        };

        // Written by hand: Response.Cookies.Append would percent-encode the base64 value, which Kratos sends raw.
        var header = new SetCookieHeaderValue(Name, token)
        {
            HttpOnly = true,
            Secure = cookies.Secure,
            SameSite = sameSite,
            Path = string.IsNullOrEmpty(cookies.Path) ? "/" : cookies.Path,
            Domain = string.IsNullOrWhiteSpace(cookies.Domain) ? null : cookies.Domain,
            MaxAge = MaxAge,
        };
        response.Headers.Append(HeaderNames.SetCookie, header.ToString());
    }
}
