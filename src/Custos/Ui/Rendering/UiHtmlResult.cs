using System.Text;

namespace Custos.Ui.Rendering;

/// <summary>
/// A rendered page: HTML with its status code, the nonces of its script nodes and whether it frames documents of this
/// origin (the CSP filter allows both).
/// </summary>
internal sealed class UiHtmlResult(string html, int status, IReadOnlyCollection<string> scriptNonces, bool framesSelf = false) : IResult
{
    public string Html => html;

    public IReadOnlyCollection<string> ScriptNonces => scriptNonces;

    public bool FramesSelf => framesSelf;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "private, no-cache, no-store, must-revalidate";
        var bytes = Encoding.UTF8.GetBytes(html);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }
}
