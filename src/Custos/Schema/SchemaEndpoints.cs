using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.Schema.Stored;

namespace Custos.Schema;

/// <summary><c>GET /schemas</c> and <c>GET /schemas/{id}</c>; served on both listeners (and <c>/admin/schemas</c>).</summary>
internal static class SchemaEndpoints
{
    public static void MapSchemaEndpoints(this IEndpointRouteBuilder endpoints)
    {
        foreach (var prefix in new[] { "", "/admin" })
        {
            endpoints.MapGet(prefix + "/schemas", ListAsync).WithName(prefix + "listIdentitySchemas");
            endpoints.MapGet(prefix + "/schemas/{id}", GetAsync).WithName(prefix + "getIdentitySchema");
        }
    }

    /// <summary>The configured schemas in configuration order, then the stored ones by id, as one offset-paged list.</summary>
    private static async Task<IResult> ListAsync(HttpContext context, IdentitySchemaProvider provider, IIdentitySchemaStore store, CancellationToken ct)
    {
        var page = Pagination.Parse(context.Request.Query, defaultSize: 250, maxSize: 1000);
        var configured = provider.Configured;
        var total = configured.Count + await store.CountAsync(ct);
        var items = new JsonArray();
        foreach (var entry in configured.Skip(page.Offset).Take(page.Size))
        {
            var loaded = await provider.GetAsync(entry.Id, ct);
            items.Add(new JsonObject { ["id"] = loaded.Id, ["schema"] = JsonNode.Parse(loaded.Raw.GetRawText()) });
        }

        var remaining = page.Size - items.Count;
        if (remaining > 0)
        {
            var rows = await store.ListAsync(Math.Max(0, page.Offset - configured.Count), remaining, ct);
            // A stored schema whose id was configured later is shadowed by the configured one.
            foreach (var row in rows.Where(r => !provider.IsConfigured(r.Id)))
            {
                items.Add(new JsonObject { ["id"] = row.Id, ["schema"] = JsonNode.Parse(row.Schema) });
            }
        }

        context.Response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Pagination.WriteOffsetLinks(context, page, total);
        return Results.Json(items);
    }

    private static async Task<IResult> GetAsync(string id, IdentitySchemaProvider provider, CancellationToken ct)
    {
        var loaded = await provider.GetAsync(id, ct);
        return Results.Text(JsonSerializer.Serialize(loaded.Raw) + "\n", "application/json; charset=utf-8");
    }
}
