using Custos.SelfService.Flows.Submit;

namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>
/// The request a flow is answering, as web hooks see it in <c>ctx.request_method</c>, <c>ctx.request_url</c>,
/// <c>ctx.request_headers</c> (all headers here; <c>clients.web_hook.header_allowlist</c> is applied when the
/// <c>ctx</c> is built) and <c>ctx.request_cookies</c>. The only way request data reaches web hooks.
/// </summary>
internal sealed record WebHookRequestInfo(
    string Method,
    string Url,
    IReadOnlyDictionary<string, string[]> Headers,
    IReadOnlyDictionary<string, string> Cookies)
{
    public static WebHookRequestInfo From(FlowRequest request) => From(request.Method, request.DisplayUrl, request.Headers, request.RequestCookies);

    private static WebHookRequestInfo From(string method, string url, IHeaderDictionary requestHeaders, IRequestCookieCollection requestCookies)
    {
        var headers = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in requestHeaders)
        {
            headers[name] = values.Where(v => v is not null).Select(v => v!).ToArray();
        }

        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in requestCookies)
        {
            if (name.Length > 0)
            {
                cookies[name] = value;
            }
        }

        return new WebHookRequestInfo(method, url, headers, cookies);
    }
}
