using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Hosting;
using Microsoft.Extensions.Options;

namespace Custos.Sessions;

/// <summary>
/// <c>GET /admin/sessions</c>: keyset pages newest first with an opaque <c>page_token</c>, an <c>active</c> filter and
/// <c>expand=identity|devices</c> (both null unless asked for); <c>Link</c> carries first and next.
/// </summary>
internal static class SessionAdminListing
{
    public static async Task<IResult> ListAsync(HttpContext context, ISessionStore store, SessionManager manager, TimeProvider clock, IOptionsMonitor<CustosOptions> options, CancellationToken ct)
    {
        var q = context.Request.Query;
        var size = SessionRequest.PageSize(q);
        var after = SessionRequest.PageToken(q);
        var active = SessionRequest.Active(q);
        var (identity, devices) = SessionRequest.Expand(q);
        var page = await store.ListAsync(new SessionListQuery(Clock.Now(clock)) { PageSize = size, After = after, Active = active, WithIdentity = identity }, ct);

        var o = options.CurrentValue;
        var basePath = o.Serve.Admin.EffectiveBaseUrl(o.Dev).TrimEnd('/') + "/admin/sessions";
        var kept = string.Concat(q.Where(p => p.Key is "active" or "expand").SelectMany(p => p.Value.Select(v => $"&{p.Key}={Uri.EscapeDataString(v ?? "")}")));
        var links = new List<string> { $"<{basePath}?page_size={size}{kept}>; rel=\"first\"" };
        if (page.Count == size)
        {
            var next = new SessionCursor(page[^1].CreatedAt, page[^1].Id).Encode();
            links.Add($"<{basePath}?page_size={size}&page_token={next}{kept}>; rel=\"next\"");
        }

        context.Response.Headers.Link = string.Join(",", links);
        return Results.Json(new JsonArray(page.Select(s => (JsonNode?)manager.ToJson(s, admin: true, identity, devices)).ToArray()));
    }
}
