using System.Globalization;
using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Hosting;
using Custos.Sessions.Assurance;
using Microsoft.Extensions.Options;

namespace Custos.Sessions;

/// <summary>The public session API: whoami and the caller's own sessions. No CSRF check, as in Kratos.</summary>
internal static class SessionEndpoints
{
    public static void MapSessionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(SessionRoutes.Whoami, SessionRoutes.WhoamiMethods, WhoamiAsync).WithName("toSession");
        endpoints.MapGet(SessionRoutes.MySessions, ListMineAsync).WithName("listMySessions");
        endpoints.MapDelete(SessionRoutes.MySessions, DisableOthersAsync).WithName("disableMySessions");
        endpoints.MapDelete(SessionRoutes.MySession, DisableOneAsync).WithName("disableMySession");
    }

    private static async Task<IResult> WhoamiAsync(HttpContext context, SessionManager manager, SessionAalGuard aal, TimeProvider clock, IOptionsMonitor<CustosOptions> options, CancellationToken ct)
    {
        var o = options.CurrentValue;
        var current = await manager.FromRequestWithTokenAsync(context, ct) ?? throw SessionErrors.NoActiveSession();
        // Kratos's whoami never adds return_to to the aal2 login URL.
        await aal.EnsureAalAsync(current.Session, o.Session.Whoami.RequiredAal, AalStepUp.None, ct);
        RejectTokenizer(context, o);
        var session = current.Session;
        context.Response.Headers["X-Kratos-Authenticated-Identity-Id"] = session.IdentityId.ToString("D");
        manager.RefreshCookieIfStale(context, current);
        if (o.FeatureFlags.CacheableSessions)
        {
            var seconds = (long)(session.ExpiresAt - Clock.Now(clock)).TotalSeconds;
            if (o.FeatureFlags.CacheableSessionsMaxAge is { } maxAge)
            {
                seconds = Math.Min(seconds, (long)maxAge.TotalSeconds);
            }

            context.Response.Headers["Ory-Session-Cache-For"] = Math.Max(0, seconds).ToString(CultureInfo.InvariantCulture);
        }

        return Results.Json(manager.ToJson(session));
    }

    private static async Task<IResult> ListMineAsync(HttpContext context, SessionManager manager, SessionAalGuard aal, ISessionStore store, TimeProvider clock, IOptionsMonitor<CustosOptions> options, CancellationToken ct)
    {
        var current = await manager.FromRequestWithTokenAsync(context, ct) ?? throw SessionErrors.NoActiveSession(SessionErrors.ListReason);
        await aal.EnsureAalAsync(current.Session, options.CurrentValue.Session.Whoami.RequiredAal, AalStepUp.None, ct);
        var page = Pagination.Parse(context.Request.Query, SessionRequest.DefaultPageSize, SessionRequest.MaxPageSize);
        var query = new IdentitySessionsQuery(current.Session.IdentityId, Clock.Now(clock))
        {
            Active = true, ExceptSessionId = current.Session.Id, Offset = page.Offset, Limit = page.Size,
        };
        var sessions = await store.ListByIdentityAsync(query, ct);
        var total = await store.CountByIdentityAsync(query, ct);
        context.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        Pagination.WriteOffsetLinks(context, page, total);
        return Results.Json(new JsonArray(sessions.Select(s => (JsonNode?)manager.ToJson(s)).ToArray()));
    }

    // Kratos checks no AAL when revoking sessions (only whoami and the list do), so neither does Custos.
    private static async Task<IResult> DisableOthersAsync(HttpContext context, SessionManager manager, CancellationToken ct)
    {
        var current = await manager.FromRequestWithTokenAsync(context, ct) ?? throw SessionErrors.NoActiveSession();
        var count = await manager.RevokeOtherSessionsAsync(current.Session.IdentityId, current.Session.Id, SessionRevocationAudit.SelfService, ct);
        return Results.Json(new JsonObject { ["count"] = count });
    }

    private static async Task<IResult> DisableOneAsync(string id, HttpContext context, SessionManager manager, SessionAalGuard aal, TimeProvider clock, IOptionsMonitor<CustosOptions> options, CancellationToken ct)
    {
        // Kratos routes DELETE /sessions/whoami here and answers it as whoami.
        if (id == "whoami")
        {
            return await WhoamiAsync(context, manager, aal, clock, options, ct);
        }

        var current = await manager.FromRequestWithTokenAsync(context, ct) ?? throw SessionErrors.NoActiveSession();
        var sessionId = SessionRequest.Id(id);
        if (sessionId == current.Session.Id)
        {
            throw KratosErrors.BadRequest("cannot revoke current session");
        }

        // A foreign or unknown id is a silent no-op: answering differently would reveal other users' session ids.
        await manager.RevokeOwnAsync(current.Session.IdentityId, sessionId, ct);
        return Results.NoContent();
    }

    private static void RejectTokenizer(HttpContext context, CustosOptions o)
    {
        var template = context.Request.Query["tokenize_as"].FirstOrDefault();
        if (string.IsNullOrEmpty(template))
        {
            return;
        }

        if (!o.Session.Whoami.Tokenizer.Templates.ContainsKey(template))
        {
            throw KratosErrors.BadRequest("Unable to find tokenizer template");
        }

        throw KratosErrors.Internal("Tokenizing sessions (tokenize_as) is not supported yet.");
    }
}
