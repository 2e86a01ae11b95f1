using System.Text.Json.Nodes;
using Custos.Hosting;

namespace Custos.SelfService.Flows.Csrf;

/// <summary>
/// Kratos's <c>security_csrf_violation</c> errors (403), with the reject reason and a hint that depends on whether
/// the request looks like AJAX (<c>Sec-Fetch-Mode: cors|same-origin</c>) or a plain browser/server call.
/// </summary>
internal static class CsrfErrors
{
    public const string Id = "security_csrf_violation";

    public const string Docs = "https://www.ory.com/docs/troubleshooting/csrf";

    public const string NoCookie = "The HTTP Cookie Header is empty or not set.";

    public const string CookieMissing = "The HTTP Cookie Header was set but did not include the anti-CSRF cookie.";

    public const string TokenMismatch =
        "The HTTP Cookie Header was set and a CSRF token was sent but they do not match. We recommend deleting all cookies for this domain and retrying the flow.";

    public const string TokenNotSent =
        "The anti-CSRF cookie was found but the CSRF token was not included in the HTTP request body (csrf_token) nor in the HTTP Header (X-CSRF-Token).";

    public const string AjaxHint =
        "We detected an AJAX call, please ensure that CORS is enabled and configured correctly, and that your AJAX code sends cookies and has credentials enabled. For further debugging, check your Browser's Network Tab to see what cookies are included or excluded.";

    public const string ServerHint =
        "We detected a regular browser or server-side call. To debug browser calls check your Browser's Network Tab to see what cookies are included or excluded. If you are calling from a server ensure that the appropriate cookies are being forwarded and that the SDK method is called correctly.";

    public const string Message = "the request was rejected to protect you from Cross-Site-Request-Forgery";

    public const string Reason =
        "Please retry the flow and optionally clear your cookies. The request was rejected to protect you from Cross-Site-Request-Forgery (CSRF) which could cause account takeover, leaking personal information, and other serious security issues.";

    /// <summary>The 403 with <c>details</c> {docs, hint, reject_reason}.</summary>
    public static CustosException Violation(string rejectReason, bool ajax) => Create(ajax ? AjaxHint : ServerHint, rejectReason);

    /// <summary>Kratos's "token not sent" flavour: the hint names the missing field and there is no reject reason.</summary>
    public static CustosException NotSent() => Create(TokenNotSent, null);

    /// <summary>Picks the error the way Kratos explains a failed check: no cookies at all, no CSRF cookie, token absent, or mismatch.</summary>
    public static CustosException ForRequest(HttpRequest request, string cookieName, bool tokenSent)
    {
        var ajax = IsAjax(request);
        if (string.IsNullOrEmpty(request.Headers.Cookie.ToString()))
        {
            return Violation(NoCookie, ajax);
        }

        if (!request.Cookies.ContainsKey(cookieName))
        {
            return Violation(CookieMissing, ajax);
        }

        // Kratos cannot look into JSON bodies at this point, so it only reports "not sent" for other content types.
        var json = request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true;
        return !json && !tokenSent ? NotSent() : Violation(TokenMismatch, ajax);
    }

    /// <summary>An API flow submitted with an <c>Origin</c> header: an AJAX call that should have used a browser flow.</summary>
    public static CustosException OriginHeaderNeedsBrowserFlow() => KratosErrors.BadRequest(
        "The HTTP Request Header included the \"Origin\" key, indicating that this request was made as part of an AJAX request in a Browser. The flow however was initiated as an API request. To prevent potential misuse and mitigate several attack vectors including CSRF, the request has been blocked. Please consult the documentation.");

    /// <summary>An API flow submitted with cookies: a browser that should have used a browser flow; <c>details</c> lists the cookie names.</summary>
    public static CustosException CookieHeaderNeedsBrowserFlow(IEnumerable<string> cookieNames)
    {
        var error = KratosErrors.BadRequest(
            "The HTTP Request Header included the \"Cookie\" key, indicating that this request was made by a Browser. The flow however was initiated as an API request. To prevent potential misuse and mitigate several attack vectors including CSRF, the request has been blocked. Please consult the documentation.");
        return new CustosException(error.Code, error.Message, error.Reason, error.Id)
        {
            Details = new JsonObject { ["found cookies"] = new JsonArray(cookieNames.Select(n => (JsonNode?)n).ToArray()) },
        };
    }

    public static bool IsAjax(HttpRequest request) => request.Headers["Sec-Fetch-Mode"].ToString() is "cors" or "same-origin";

    private static CustosException Create(string hint, string? rejectReason)
    {
        var details = new JsonObject { ["docs"] = Docs, ["hint"] = hint };
        if (rejectReason is not null)
        {
            details["reject_reason"] = rejectReason;
        }

        return new CustosException(403, Message, Reason, Id) { Details = details };
    }
}
