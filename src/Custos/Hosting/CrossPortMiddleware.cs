using Custos.Config;
using Microsoft.Extensions.Options;

namespace Custos.Hosting;

/// <summary>
/// Runs after routing. An admin route asked for on the public listener is answered with Kratos's 307 to the admin
/// base URL; a public route asked for on the admin listener (under <c>/admin</c>) with a 307 to the public base URL.
/// </summary>
internal sealed class CrossPortMiddleware(RequestDelegate next, IOptionsMonitor<CustosOptions> options)
{
    private static readonly string[] AdminOnlyPrefixes = ["/identities", "/recovery/link", "/recovery/code", "/courier"];
    private static readonly string[] PublicOnlyPrefixes = ["/self-service", "/sessions/whoami", "/schemas"];

    public Task InvokeAsync(HttpContext context)
    {
        var listener = ListenerMiddleware.Of(context);
        var endpoint = context.GetEndpoint();
        var endpointListener = endpoint?.Metadata.GetMetadata<ListenerMetadata>()?.Listener;
        var path = context.Request.Path.Value ?? "/";
        var o = options.CurrentValue;
        if (listener == Listener.Public)
        {
            var wantsAdmin = endpointListener == Listener.Admin
                || (endpoint is null && AdminOnlyPrefixes.Any(p => path.StartsWith(p, StringComparison.Ordinal)));
            if (wantsAdmin)
            {
                var adminPath = path.StartsWith("/admin/", StringComparison.Ordinal) ? path : "/admin" + path;
                return Redirect(context, o.Serve.Admin.EffectiveBaseUrl(o.Dev), adminPath);
            }
        }
        else if (endpoint is null && path.StartsWith("/admin/", StringComparison.Ordinal))
        {
            var publicPath = path["/admin".Length..];
            if (PublicOnlyPrefixes.Any(p => publicPath.StartsWith(p, StringComparison.Ordinal)))
            {
                return Redirect(context, o.Serve.Public.EffectiveBaseUrl(o.Dev), publicPath);
            }
        }

        return next(context);
    }

    private static Task Redirect(HttpContext context, string baseUrl, string path)
    {
        context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
        context.Response.Headers.Location = baseUrl.TrimEnd('/') + path + context.Request.QueryString;
        return Task.CompletedTask;
    }
}
