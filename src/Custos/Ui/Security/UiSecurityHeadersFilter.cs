using Custos.Config;
using Custos.Ui.Pages;
using Custos.Ui.Rendering;
using Microsoft.Extensions.Options;

namespace Custos.Ui.Security;

/// <summary>
/// Headers on every <c>/ui/</c> response (pages, redirects, assets): the CSP (a page's also allows the nonces of its
/// script nodes), no framing, no referrer (flow ids are in the URLs) and no MIME sniffing. A sandboxed document (a
/// mail body in the dev mailbox) gets its own policy and may be framed by this origin only. With <c>ui.enabled:
/// false</c> every path is a 404.
/// </summary>
internal sealed class UiSecurityHeadersFilter(IOptionsMonitor<CustosOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var o = options.CurrentValue;
        if (!o.Ui.Enabled)
        {
            return Results.NotFound();
        }

        var headers = invocation.HttpContext.Response.Headers;
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        var result = await next(invocation);
        if (result is SandboxedDocumentResult)
        {
            // Framed by the dev mailbox; X-Frame-Options has no allow-list, SAMEORIGIN matches frame-ancestors 'self'.
            headers.XFrameOptions = "SAMEORIGIN";
            headers.ContentSecurityPolicy = ContentSecurityPolicy.SandboxedDocument;
            return result;
        }

        headers.ContentSecurityPolicy = result is UiHtmlResult page
            ? ContentSecurityPolicy.Build(o, page.ScriptNonces, page.FramesSelf)
            : ContentSecurityPolicy.Build(o, []);
        return result;
    }
}
