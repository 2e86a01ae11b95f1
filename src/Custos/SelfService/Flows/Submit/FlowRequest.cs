using Custos.SelfService.Flows.Http;
using Custos.Sessions;

namespace Custos.SelfService.Flows.Submit;

/// <summary>
/// What a flow service may know of the HTTP request, read once at the endpoint: how the client wants its answer, the
/// client's device, its session and its CSRF token. Services never see <see cref="HttpContext"/>; cookie changes
/// are collected in <see cref="Cookies"/> and written by the responder after the service (and its transaction) is done.
/// </summary>
internal sealed class FlowRequest
{
    /// <summary><c>GET</c> or <c>POST</c>: a <c>GET</c> submit is a link opened from a message.</summary>
    public required string Method { get; init; }

    /// <summary>The full request URL (a new flow's <c>request_url</c>).</summary>
    public required string Url { get; init; }

    /// <summary>The query string, as the client sent it.</summary>
    public required IQueryCollection Query { get; init; }

    /// <summary>The request asks for JSON (<c>Accept</c> or a JSON body): a SPA or native client.</summary>
    public required bool IsJson { get; init; }

    /// <summary><c>Accept</c> admits JSON (a new browser flow is then answered as JSON, not with a redirect).</summary>
    public required bool AcceptsJson { get; init; }

    /// <summary>The body is a form post (form values are strings; traits get coerced to the schema's types).</summary>
    public required bool IsForm { get; init; }

    /// <summary>The request's headers, as sent (web hooks echo an allow-listed part of them).</summary>
    public required IHeaderDictionary Headers { get; init; }

    /// <summary>The request's cookies, as sent (web hooks echo them in <c>ctx.request_cookies</c>).</summary>
    public required IRequestCookieCollection RequestCookies { get; init; }

    /// <summary>The URL the client actually requested (scheme, host and path as received).</summary>
    public required string DisplayUrl { get; init; }

    /// <summary>The client's device, for a session's <c>devices</c>.</summary>
    public required SessionDevice Device { get; init; }

    /// <summary>The request's active session with its token, or null.</summary>
    public RequestSession? Session { get; init; }

    /// <summary>The request's anti-CSRF token (from its cookie, or the one set by this request), or null.</summary>
    public string? CsrfToken { get; private set; }

    /// <summary>Cookies to set once the service has finished.</summary>
    public PendingCookies Cookies { get; private init; } = new();

    /// <summary>The request's CSRF token; a new one (and its cookie) when the request has none.</summary>
    public string EnsureCsrf() => CsrfToken ??= Cookies.NewCsrf();

    /// <summary>Replaces the CSRF token (after a login, a recovery, ...) and returns the new one.</summary>
    public string RotateCsrf() => CsrfToken = Cookies.NewCsrf();

    /// <summary>
    /// This request as if it had asked for <paramref name="url"/>: a flow the server creates for another flow (social
    /// sign-in turning a login into a registration) takes that flow's request URL and query. Session, device, CSRF
    /// token and the pending cookies stay this request's; <paramref name="session"/> replaces the session (one this
    /// request just issued).
    /// </summary>
    public FlowRequest WithUrl(string url, RequestSession? session = null) => new()
    {
        Method = "GET",
        Url = url,
        Query = new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Query : "")),
        IsJson = IsJson,
        AcceptsJson = AcceptsJson,
        IsForm = false,
        Headers = Headers,
        RequestCookies = RequestCookies,
        DisplayUrl = DisplayUrl,
        Device = Device,
        Session = session ?? Session,
        CsrfToken = CsrfToken,
        Cookies = Cookies,
    };

    /// <summary>The snapshot of <paramref name="context"/>; the URL, session and CSRF token are resolved by the caller.</summary>
    public static FlowRequest From(HttpContext context, string url, RequestSession? session, string? csrfToken) => new()
    {
        Method = context.Request.Method,
        Url = url,
        Query = context.Request.Query,
        IsJson = ContentNegotiation.IsJsonRequest(context.Request),
        AcceptsJson = ContentNegotiation.AcceptsJson(context.Request),
        IsForm = context.Request.HasFormContentType,
        Headers = context.Request.Headers,
        RequestCookies = context.Request.Cookies,
        DisplayUrl = Microsoft.AspNetCore.Http.Extensions.UriHelper.GetDisplayUrl(context.Request),
        Device = ClientDevice.From(context),
        Session = session,
        CsrfToken = csrfToken,
    };
}
