using System.Globalization;
using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Hosting;
using Microsoft.Extensions.Options;

namespace Custos.Audit;

/// <summary>
/// <c>GET /admin/audit-events</c>: oldest first (chain order), so a client that follows the <c>next</c> link keeps up
/// with new events without missing or repeating one. Keyset pagination by chain position; the links keep the filters.
/// </summary>
internal static class AuditEndpoints
{
    public const int DefaultPageSize = 250;
    public const int MaxPageSize = 1000;
    private const string Path = "/admin/audit-events";

    public static void MapAuditAdminEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/audit-events", ListAsync).WithName("listAuditEvents");
    }

    private static async Task<IResult> ListAsync(HttpContext context, IAuditEventReader reader, IOptionsMonitor<CustosOptions> options, CancellationToken ct)
    {
        var q = context.Request.Query;
        var size = Pagination.PageSize(q, DefaultPageSize, MaxPageSize);
        long? after = null;
        if (q["page_token"].FirstOrDefault() is { Length: > 0 } token)
        {
            after = long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
                ? seq
                : throw KratosErrors.BadRequest("The page token is invalid, do not craft your own page tokens");
        }

        var types = q["type"].Select(t => string.IsNullOrWhiteSpace(t) ? throw KratosErrors.BadRequest("The type parameter must not be empty.") : t!).ToList();
        var identityId = q["identity_id"].FirstOrDefault() is { Length: > 0 } raw
            ? Guid.TryParse(raw, out var id) ? id : throw KratosErrors.BadRequest($"The identity_id parameter must be a UUID, got \"{raw}\".")
            : (Guid?)null;
        var since = Rfc3339.ParseQuery(q, "since");
        var until = Rfc3339.ParseQuery(q, "until");
        if (since is not null && until is not null && since >= until)
        {
            throw KratosErrors.BadRequest("The until parameter must be later than since.");
        }

        var query = new AuditEventQuery { Types = types, IdentityId = identityId, Since = since, Until = until, AfterSeq = after, PageSize = size };
        var page = await reader.ListAsync(query, ct);
        var opts = options.CurrentValue;
        var basePath = opts.Serve.Admin.EffectiveBaseUrl(opts.Dev).TrimEnd('/') + Path;
        var filters = string.Concat(q.Where(p => p.Key is "type" or "identity_id" or "since" or "until")
            .SelectMany(p => p.Value.Select(v => $"&{p.Key}={Uri.EscapeDataString(v ?? "")}")));
        var links = new List<string> { $"<{basePath}?page_size={size}&page_token=0{filters}>; rel=\"first\"" };
        if (page.Count == size)
        {
            links.Add(string.Create(CultureInfo.InvariantCulture, $"<{basePath}?page_size={size}&page_token={page[^1].Seq}{filters}>; rel=\"next\""));
        }

        context.Response.Headers.Link = string.Join(",", links);
        return Results.Json(new JsonArray(page.Select(r => (JsonNode?)AuditEventJson.From(r.ToEvent())).ToArray()));
    }
}
