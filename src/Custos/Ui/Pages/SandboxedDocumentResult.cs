using System.Text;

namespace Custos.Ui.Pages;

/// <summary>
/// A document written as it is (a mail's HTML body). It is never trusted: the CSP filter gives it
/// <see cref="Security.ContentSecurityPolicy.SandboxedDocument"/>, so it renders in an opaque origin without scripts.
/// </summary>
internal sealed class SandboxedDocumentResult(string html) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "private, no-store";
        var bytes = Encoding.UTF8.GetBytes(html);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }
}
