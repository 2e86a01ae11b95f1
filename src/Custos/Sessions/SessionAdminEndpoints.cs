using Custos.Audit;
using System.Globalization;
using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Hosting;
using Microsoft.Extensions.Options;

namespace Custos.Sessions;

/// <summary>The admin session API (<c>/admin/sessions...</c>, <c>/admin/identities/{id}/sessions</c>), Kratos's paths and operation ids.</summary>
internal static class SessionAdminEndpoints
{
    public static void MapSessionAdminEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet(SessionRoutes.AdminSessions, SessionAdminListing.ListAsync).WithName("listSessions");
        admin.MapDelete(SessionRoutes.AdminSessions, RedirectToPublic);
        admin.MapGet(SessionRoutes.AdminSession, GetAsync).WithName("getSession");
        admin.MapDelete(SessionRoutes.AdminSession, DisableAsync).WithName("disableSession");
        admin.MapPatch(SessionRoutes.AdminExtend, ExtendAsync).WithName("extendSession");
        admin.MapGet(SessionRoutes.AdminIdentitySessions, ListForIdentityAsync).WithName("listIdentitySessions");
        admin.MapDelete(SessionRoutes.AdminIdentitySessions, DeleteForIdentityAsync).WithName("deleteIdentitySessions");
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, ISessionStore store, SessionManager manager, IOptionsMonitor<CustosOptions> options, CancellationToken ct)
    {
        // GET /admin/sessions/whoami is Kratos's 307 to the public whoami.
        if (id == "whoami")
        {
            return RedirectToPublic(context, options);
        }

        var sessionId = SessionRequest.Id(id);
        var (identity, devices) = SessionRequest.Expand(context.Request.Query);
        var session = await store.GetAsync(sessionId, identity, ct) ?? throw KratosErrors.RowNotFound();
        return Results.Json(manager.ToJson(session, admin: true, identity, devices));
    }

    private static async Task<IResult> DisableAsync(string id, SessionManager manager, CancellationToken ct) =>
        await manager.RevokeAsync(SessionRequest.Id(id), SessionRevocationAudit.Admin, ct) ? Results.NoContent() : throw KratosErrors.RowNotFound();

    private static async Task<IResult> ExtendAsync(string id, SessionManager manager, IOptionsMonitor<CustosOptions> options, AdminAudit audit, CancellationToken ct)
    {
        var session = await audit.RecordAsync(AuditEventTypes.SessionExtended, c => manager.ExtendAsync(SessionRequest.Id(id), c),
            s => (s is not null, s?.IdentityId, new JsonObject { ["session_id"] = s?.Id.ToString("D") }), ct) ?? throw KratosErrors.RowNotFound();
        return options.CurrentValue.FeatureFlags.FasterSessionExtend
            ? Results.NoContent()
            : Results.Json(manager.ToJson(session, admin: true));
    }

    private static async Task<IResult> ListForIdentityAsync(string id, HttpContext context, ISessionStore store, SessionManager manager, TimeProvider clock, CancellationToken ct)
    {
        var identityId = SessionRequest.Id(id);
        var active = SessionRequest.Active(context.Request.Query);
        var page = Pagination.Parse(context.Request.Query, SessionRequest.DefaultPageSize, SessionRequest.MaxPageSize);
        var query = new IdentitySessionsQuery(identityId, Clock.Now(clock)) { Active = active, Offset = page.Offset, Limit = page.Size };
        var sessions = await store.ListByIdentityAsync(query, ct);
        var total = await store.CountByIdentityAsync(query, ct);
        context.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        Pagination.WriteOffsetLinks(context, page, total);
        return Results.Json(new JsonArray(sessions.Select(s => (JsonNode?)manager.ToJson(s, admin: true)).ToArray()));
    }

    private static async Task<IResult> DeleteForIdentityAsync(string id, SessionManager manager, CancellationToken ct) =>
        await manager.DeleteAllOfIdentityAsync(SessionRequest.Id(id), ct) > 0 ? Results.NoContent() : throw KratosErrors.RowNotFound();

    // Kratos answers these admin paths with a 307 to the same path on the public listener.
    private static IResult RedirectToPublic(HttpContext context, IOptionsMonitor<CustosOptions> options)
    {
        var o = options.CurrentValue;
        var path = context.Request.Path.Value!["/admin".Length..];
        return Results.Redirect(o.Serve.Public.EffectiveBaseUrl(o.Dev).TrimEnd('/') + path + context.Request.QueryString, permanent: false, preserveMethod: true);
    }
}
