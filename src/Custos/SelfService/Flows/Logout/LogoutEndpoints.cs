using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Hosting;
using Custos.SelfService.Flows.Csrf;
using Custos.SelfService.Flows.Http;
using Custos.Sessions;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Flows.Logout;

/// <summary>Browser logout (two steps: get a logout URL, then follow it) and native logout with the session token.</summary>
internal static class LogoutEndpoints
{
    public static void MapLogoutEndpoints(this RouteGroupBuilder selfService)
    {
        selfService.MapGet("/logout/browser", CreateBrowserAsync).WithName("createBrowserLogoutFlow").AddEndpointFilter<BrowserErrorFilter>();
        selfService.MapGet("/logout", LogoutAsync).WithName("updateLogoutFlow").AddEndpointFilter<BrowserErrorFilter>();
        selfService.MapDelete("/logout/api", LogoutApiAsync).WithName("performNativeLogout");
    }

    private static async Task<IResult> CreateBrowserAsync(HttpContext context, SessionManager sessions, LogoutTokens tokens, FlowFactory flows, IOptionsMonitor<CustosOptions> options, CancellationToken ct)
    {
        var requested = flows.ReturnTo(context);
        var session = await sessions.FromRequestAsync(context, ct) ?? throw NoSession();
        var token = tokens.For(session.Id);
        var url = FlowUrls.WithQuery(FlowUrls.Public(options.CurrentValue, "/self-service/logout"), "token", token);
        if (requested is not null)
        {
            url = FlowUrls.WithQuery(url, "return_to", requested);
        }

        // Kratos always answers this step with JSON, even to browsers.
        return Results.Json(new JsonObject { ["logout_url"] = url, ["logout_token"] = token });
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, SessionManager sessions, LogoutTokens tokens, FlowFactory flows, CsrfGuard csrf, IOptionsMonitor<CustosOptions> options, CancellationToken ct)
    {
        var token = FlowQuery.Text(context.Request, "token");
        if (token is null)
        {
            throw KratosErrors.BadRequest("Please include a token in the URL query.");
        }

        var requested = flows.ReturnTo(context);
        var session = await sessions.FromRequestAsync(context, ct) ?? throw NoSession();
        if (!tokens.Matches(token, session.Id))
        {
            throw KratosErrors.Forbidden("Unable to match logout token with session.");
        }

        await sessions.RevokeAsync(session.Id, SessionRevocationAudit.Logout, ct);
        sessions.DeleteCookie(context);
        csrf.Rotate(context);
        if (ContentNegotiation.IsJsonRequest(context.Request))
        {
            return Results.NoContent();
        }

        var o = options.CurrentValue;
        return FlowResponder.Redirect(requested
            ?? o.Selfservice.Flows.Logout.After.DefaultBrowserReturnUrl ?? o.Selfservice.DefaultBrowserReturnUrl);
    }

    private static async Task<IResult> LogoutApiAsync(HttpContext context, SessionManager sessions, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(context.Request, ct) as JsonObject ?? throw KratosErrors.BadRequest("The request body must be a JSON object.");
        var token = body["session_token"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrEmpty(token))
        {
            throw KratosErrors.BadRequest("The session_token is required.");
        }

        var session = await sessions.FindByTokenAsync(token, ct)
            ?? throw KratosErrors.Forbidden("The provided Ory Session Token could not be found, is invalid, or otherwise malformed.");
        await sessions.RevokeAsync(session.Id, SessionRevocationAudit.Logout, ct);
        return Results.NoContent();
    }

    private static CustosException NoSession() =>
        new(401, "The request could not be authorized", "No active session was found in this request.", "session_inactive");
}
