using Custos.Config;
using Custos.Hosting;
using Microsoft.Extensions.Options;

namespace Custos.Admin.Keys;

/// <summary>
/// On the admin listener, after routing: with <c>serve.admin.api_key_required</c> every <c>/admin/*</c> route except
/// health and version needs <c>Authorization: Bearer custos_ak_…</c> (Kratos's <c>oryAccessToken</c> scheme). No key or
/// an unknown, expired or revoked one → 401; a key without the route's scope (<see cref="AdminRouteScopes"/>) → 403.
/// Without the switch Kratos's open admin API is kept, but a valid key that is sent anyway still names the caller
/// (audit actor, impersonator).
/// </summary>
internal sealed class AdminKeyMiddleware(RequestDelegate next, IOptionsMonitor<CustosOptions> options)
{
    public async Task InvokeAsync(HttpContext context, AdminKeyService keys)
    {
        var path = context.Request.Path.Value ?? "/";
        if (ListenerMiddleware.Of(context) != Listener.Admin
            || !path.StartsWith("/admin", StringComparison.Ordinal)
            || AdminRouteScopes.IsOpen(path))
        {
            await next(context);
            return;
        }

        var required = options.CurrentValue.Serve.Admin.ApiKeyRequired;
        var presented = BearerToken(context.Request);
        var key = presented is null ? null : await keys.AuthenticateAsync(presented, context.RequestAborted);
        if (key is not null)
        {
            new AdminCaller(key.Id, key.Name, key.Scopes).AttachTo(context);
        }

        if (required && key is null)
        {
            // The envelope writer clears the response first, so the challenge is added as the headers go out.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return Task.CompletedTask;
            });
            await ErrorEnvelope.WriteAsync(context, KratosErrors.Unauthorized(presented is null
                ? "This endpoint requires an admin API key: send it as \"Authorization: Bearer <key>\"."
                : "The admin API key is unknown, expired or revoked."));
            return;
        }

        if (required)
        {
            var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
            var scope = AdminRouteScopes.Required(context.Request.Method, pattern);
            if (!AdminScopes.Grants(key!.Scopes, scope))
            {
                await ErrorEnvelope.WriteAsync(context, KratosErrors.Forbidden($"The admin API key lacks the scope \"{scope}\" this endpoint needs."));
                return;
            }
        }

        await next(context);
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }
}
