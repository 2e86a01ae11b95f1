using System.Text;
using Custos.Config;
using Custos.Ui.Security;
using Microsoft.Extensions.Options;

namespace Custos.Ui.Rendering;

/// <summary>A rendered page: HTML with its status code and the page's CSP (which names the nonces of its script nodes).</summary>
internal sealed class UiHtmlResult(string html, int status, IReadOnlyCollection<string> scriptNonces) : IResult
{
    public string Html => html;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var options = httpContext.RequestServices.GetRequiredService<IOptionsMonitor<CustosOptions>>().CurrentValue;
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "private, no-cache, no-store, must-revalidate";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy.Build(options, scriptNonces);
        var bytes = Encoding.UTF8.GetBytes(html);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }
}
