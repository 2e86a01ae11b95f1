namespace Custos.Hosting;

/// <summary>
/// Runs before routing. On the admin listener every path is served under <c>/admin</c> (Kratos prepends it, so
/// <c>/identities</c> and <c>/admin/identities</c> both work). Also sets Kratos's GET cache headers.
/// </summary>
internal sealed class ListenerMiddleware(RequestDelegate next, IListenerResolver resolver)
{
    public const string ItemKey = "custos.listener";

    public Task InvokeAsync(HttpContext context)
    {
        var listener = resolver.Resolve(context);
        context.Items[ItemKey] = listener;
        if (listener == Listener.Admin && !context.Request.Path.StartsWithSegments("/admin", StringComparison.Ordinal))
        {
            context.Request.Path = "/admin" + context.Request.Path;
        }

        if (HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.Headers.CacheControl = "private, no-cache, no-store, must-revalidate";
        }

        return next(context);
    }

    public static Listener Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is Listener l ? l : Listener.Public;
}
