using System.Text.Json;
using Custos.Schema;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies;

/// <summary>
/// The label of a login form's <c>identifier</c> field: the title of the schema's identifier trait when there is
/// exactly one, else "ID" (1070004), as Kratos's <c>GetIdentifierLabelFromSchema</c>.
/// </summary>
internal static class LoginIdentifierLabel
{
    public static async Task<UiText> ForAsync(IdentitySchemaProvider schemas, string schemaId, CancellationToken ct) =>
        await IdentifierTitleAsync(schemas, schemaId, ct) is { } t ? Messages.InfoNodeLabelGenerated(t.Title, t.Name) : Messages.InfoNodeLabelID();

    /// <summary>The title of the schema's password identifier trait, when there is exactly one such trait.</summary>
    private static async Task<(string Title, string Name)?> IdentifierTitleAsync(IdentitySchemaProvider schemas, string schemaId, CancellationToken ct)
    {
        var schema = await schemas.GetAsync(schemaId, ct);
        var found = new List<(string, string)>();
        Collect(schema.Raw, "traits", found, depth: 0);
        return found.Count == 1 ? found[0] : null;
    }

    private static void Collect(JsonElement node, string path, List<(string Title, string Name)> found, int depth)
    {
        if (depth > 16 || node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (node.TryGetProperty("ory.sh/kratos", out var ext) && ext.ValueKind == JsonValueKind.Object
            && ext.TryGetProperty("credentials", out var credentials) && credentials.ValueKind == JsonValueKind.Object
            && credentials.TryGetProperty("password", out var password) && password.ValueKind == JsonValueKind.Object
            && password.TryGetProperty("identifier", out var flag) && flag.ValueKind == JsonValueKind.True
            && node.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String)
        {
            found.Add((title.GetString()!, path));
        }

        var properties = depth == 0 && node.TryGetProperty("properties", out var root) && root.TryGetProperty("traits", out var traits) ? traits : node;
        if (properties.TryGetProperty("properties", out var children) && children.ValueKind == JsonValueKind.Object)
        {
            foreach (var child in children.EnumerateObject())
            {
                Collect(child.Value, path + "." + child.Name, found, depth + 1);
            }
        }
    }
}
