using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.Audit;
using Custos.Hosting;

namespace Custos.Schema.Stored;

/// <summary>
/// <c>PUT/GET/DELETE /admin/identity-schemas/{id}</c> (issue 14 §5, scope <c>schemas:write</c>): identity schemas kept in
/// the database, usable as <c>schema_id</c> on every node at once and listed by <c>GET /schemas</c>.
/// </summary>
internal static class IdentitySchemaAdminEndpoints
{
    private const int MaxIdLength = 128;

    public static void MapIdentitySchemaAdminEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapPut("/identity-schemas/{id}", PutAsync).WithName("setIdentitySchema");
        admin.MapGet("/identity-schemas/{id}", GetAsync).WithName("getStoredIdentitySchema");
        admin.MapDelete("/identity-schemas/{id}", DeleteAsync).WithName("deleteIdentitySchema");
    }

    private static async Task<IResult> PutAsync(string id, HttpContext context, IdentitySchemaProvider provider, IdentitySchemaCheck check,
        IIdentitySchemaStore store, AdminAudit audit, CancellationToken ct)
    {
        CheckId(id);
        if (provider.Find(id) is not null)
        {
            throw KratosErrors.Conflict($"The identity schema \"{id}\" is configured in the configuration file and cannot be replaced through the API.");
        }

        var body = await JsonBody.ReadAsync(context.Request, ct);
        var text = body.ToJsonString();
        using (var document = JsonDocument.Parse(text))
        {
            var problems = check.Problems(document.RootElement);
            if (problems.Count > 0)
            {
                throw KratosErrors.BadRequest("The identity schema is invalid: " + string.Join("; ", problems));
            }
        }

        var (row, created) = await audit.RecordAsync(AuditEventTypes.IdentitySchemaUpdated, c => store.PutAsync(id, text, c),
            r => (true, null, new JsonObject { ["schema_id"] = id, ["created"] = r.Created }), ct);
        return Results.Json(ToJson(row), statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> GetAsync(string id, IIdentitySchemaStore store, CancellationToken ct)
    {
        CheckId(id);
        var row = await store.GetAsync(id, ct) ?? throw KratosErrors.RowNotFound();
        return Results.Json(ToJson(row));
    }

    private static async Task<IResult> DeleteAsync(string id, IdentitySchemaProvider provider, IIdentitySchemaStore store, AdminAudit audit, CancellationToken ct)
    {
        CheckId(id);
        if (provider.Find(id) is not null)
        {
            throw KratosErrors.Conflict($"The identity schema \"{id}\" is configured in the configuration file and cannot be deleted through the API.");
        }

        return await audit.RecordAsync(AuditEventTypes.IdentitySchemaDeleted, c => store.DeleteAsync(id, c),
            r => (r == SchemaDeletion.Deleted, null, new JsonObject { ["schema_id"] = id }), ct) switch
        {
            SchemaDeletion.Deleted => Results.NoContent(),
            SchemaDeletion.InUse => throw KratosErrors.Conflict($"The identity schema \"{id}\" is used by at least one identity and cannot be deleted."),
            _ => throw KratosErrors.RowNotFound(),
        };
    }

    /// <summary>The admin shape of a stored schema: Kratos's <c>{id, schema}</c> container plus its timestamps.</summary>
    public static JsonObject ToJson(StoredIdentitySchema row) => new()
    {
        ["id"] = row.Id,
        ["schema"] = JsonNode.Parse(row.Schema),
        ["created_at"] = KratosTime.Format(row.CreatedAt),
        ["updated_at"] = KratosTime.Format(row.UpdatedAt),
    };

    private static void CheckId(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength || id.Any(char.IsControl))
        {
            throw KratosErrors.BadRequest($"An identity schema id must be 1 to {MaxIdLength} printable characters.");
        }
    }
}
