using Custos.Config;
using Microsoft.Extensions.Options;

namespace Custos.Ui.Security;

/// <summary>
/// Headers on every <c>/ui/</c> response (pages, redirects, assets): a strict default CSP (pages replace it with their
/// own, which may add script nonces), no framing, no referrer (flow ids are in the URLs) and no MIME sniffing.
/// </summary>
internal sealed class UiSecurityHeadersFilter(IOptionsMonitor<CustosOptions> options) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var headers = invocation.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy.Build(options.CurrentValue, []);
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(invocation);
    }
}
