using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.Hosting;

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

    private static async Task<IResult> ListAsync(HttpContext context, IdentitySchemaProvider provider, CancellationToken ct)
    {
        var page = Pagination.Parse(context.Request.Query, defaultSize: 250, maxSize: 1000);
        var all = provider.Configured;
        var slice = all.Skip(page.Offset).Take(page.Size).ToList();
        var items = new JsonArray();
        foreach (var configured in slice)
        {
            var loaded = await provider.GetAsync(configured.Id, ct);
            items.Add(new JsonObject { ["id"] = loaded.Id, ["schema"] = JsonNode.Parse(loaded.Raw.GetRawText()) });
        }

        context.Response.Headers["X-Total-Count"] = all.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Pagination.WriteOffsetLinks(context, page, all.Count);
        return Results.Json(items);
    }

    private static async Task<IResult> GetAsync(string id, IdentitySchemaProvider provider, CancellationToken ct)
    {
        var loaded = await provider.GetAsync(id, ct);
        return Results.Text(JsonSerializer.Serialize(loaded.Raw) + "\n", "application/json; charset=utf-8");
    }
}
