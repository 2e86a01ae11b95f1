using System.Text.Json.Nodes;
using Custos.Audit;
using Custos.Hosting;

namespace Custos.Admin.Keys;

/// <summary><c>POST/GET /admin/api-keys</c> and <c>DELETE /admin/api-keys/{id}</c> (scope <c>admin</c>, see <see cref="AdminRouteScopes"/>).</summary>
internal static class AdminKeyEndpoints
{
    public const string Keys = "/api-keys";
    public const string Key = "/api-keys/{id}";

    public static void MapAdminKeyEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapPost(Keys, CreateAsync).WithName("createAdminApiKey");
        admin.MapGet(Keys, ListAsync).WithName("listAdminApiKeys");
        admin.MapDelete(Key, RevokeAsync).WithName("revokeAdminApiKey");
    }

    private static async Task<IResult> CreateAsync(HttpContext context, AdminKeyService keys, AdminAudit audit, CancellationToken ct)
    {
        if (await JsonBody.ReadAsync(context.Request, ct) is not JsonObject body)
        {
            throw KratosErrors.BadRequest("The request body must be a JSON object {name, scopes, expires_in}.");
        }

        var created = await audit.RecordAsync(AuditEventTypes.AdminKeyCreated, c => keys.CreateAsync(
            StringOf(body, "name"),
            body["scopes"] switch
            {
                null => null,
                JsonArray a when a.All(s => s is JsonValue v && v.TryGetValue<string>(out _)) => a.Select(s => s!.GetValue<string>()).ToList(),
                _ => throw KratosErrors.BadRequest("scopes must be an array of strings."),
            },
            StringOf(body, "expires_in"),
            c), k => (true, null, new JsonObject { ["key_id"] = k.Key.Id.ToString("D"), ["name"] = k.Key.Name, ["scopes"] = new JsonArray(k.Key.Scopes.Order().Select(s => (JsonNode)s).ToArray()) }), ct);
        return Results.Json(AdminKeyJson.Of(created.Key, created.Secret), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(AdminKeyService keys, CancellationToken ct)
    {
        var list = await keys.ListAsync(ct);
        return Results.Json(new JsonArray(list.Select(k => (JsonNode)AdminKeyJson.Of(k)).ToArray()));
    }

    private static async Task<IResult> RevokeAsync(string id, AdminKeyService keys, AdminAudit audit, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid)
            || !await audit.RecordAsync(AuditEventTypes.AdminKeyRevoked, c => keys.RevokeAsync(guid, c), r => (r, null, new JsonObject { ["key_id"] = guid.ToString("D") }), ct))
        {
            throw KratosErrors.RowNotFound();
        }

        return Results.NoContent();
    }

    private static string? StringOf(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => throw KratosErrors.BadRequest($"{name} must be a string."),
    };
}
