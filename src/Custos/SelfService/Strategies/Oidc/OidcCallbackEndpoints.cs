using Custos.Config;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.Oidc;

/// <summary>The provider callbacks (strategies contract §5.2); CSRF-exempt, 404 while the method is disabled.</summary>
internal static class OidcCallbackEndpoints
{
    public static void MapOidcCallbackEndpoints(this RouteGroupBuilder selfService)
    {
        selfService.MapGet("/methods/oidc/callback/{provider}", (HttpContext c, string provider, OidcCallbackHandler h, CancellationToken ct) => h.HandleAsync(c, provider, ct))
            .AddEndpointFilter<BrowserErrorFilter>();
        // pkce: force providers share one redirect URI; the provider comes from the state.
        selfService.MapGet("/methods/oidc/callback", (HttpContext c, OidcCallbackHandler h, CancellationToken ct) => h.HandleAsync(c, null, ct))
            .AddEndpointFilter<BrowserErrorFilter>();
        selfService.MapPost("/methods/oidc/callback/{provider}", FormPostAsync);
        selfService.MapPost("/methods/oidc/callback", FormPostAsync);
    }

    /// <summary>
    /// <c>response_mode=form_post</c> (Apple): the form fields move into the query of a 302 to the same path, so the
    /// browser comes back with a top-level GET, which carries its Lax cookies; a cross-site POST would not.
    /// </summary>
    private static async Task<IResult> FormPostAsync(HttpContext context, IOptionsMonitor<CustosOptions> options, CancellationToken ct)
    {
        if (!options.CurrentValue.Selfservice.Methods.Oidc.Enabled)
        {
            throw Hosting.KratosErrors.EndpointDisabled();
        }

        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(ct);
            foreach (var (key, value) in form)
            {
                fields[key] = value.ToString();
            }
        }

        var target = FlowUrls.Public(options.CurrentValue, context.Request.Path.Value ?? "/");
        return Results.Redirect(QueryHelpers.AddQueryString(target, fields), permanent: false);
    }
}
