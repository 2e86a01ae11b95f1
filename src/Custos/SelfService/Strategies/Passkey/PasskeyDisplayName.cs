using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.Schema;

namespace Custos.SelfService.Strategies.Passkey;

/// <summary>
/// The trait that names a passkey for the authenticator: every trait marked <c>credentials.passkey.display_name</c> or
/// <c>credentials.webauthn.identifier</c> in the identity schema, as Kratos finds them (strategies contract §4.1).
/// </summary>
internal sealed class PasskeyDisplayName(IdentitySchemaProvider schemas)
{
    private const int MaxDepth = 16;

    public IdentitySchemaProvider Schemas => schemas;

    /// <summary>The marked trait paths (<c>traits.email</c>), sorted; empty when the schema marks none.</summary>
    public async Task<IReadOnlyList<string>> FieldNamesAsync(string? schemaId, CancellationToken ct)
    {
        var schema = await schemas.GetAsync(schemaId ?? schemas.DefaultSchemaId, ct);
        var found = new List<string>();
        if (schema.Raw.ValueKind == JsonValueKind.Object && schema.Raw.TryGetProperty("properties", out var root)
            && root.ValueKind == JsonValueKind.Object && root.TryGetProperty("traits", out var traits))
        {
            Collect(traits, "traits", found, 0);
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>The identity's value of the first marked trait, or "" when it has none.</summary>
    public async Task<string> ValueAsync(Identity.Identity identity, CancellationToken ct)
    {
        foreach (var path in await FieldNamesAsync(identity.SchemaId, ct))
        {
            JsonNode? node = identity.Traits;
            foreach (var part in path.Split('.').Skip(1))
            {
                node = node is JsonObject o ? o[part] : null;
            }

            if (node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0)
            {
                return text;
            }
        }

        return "";
    }

    private static void Collect(JsonElement node, string path, List<string> found, int depth)
    {
        if (depth > MaxDepth || node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (node.TryGetProperty("ory.sh/kratos", out var extension) && Marked(extension))
        {
            found.Add(path);
        }

        if (node.TryGetProperty("properties", out var children) && children.ValueKind == JsonValueKind.Object)
        {
            foreach (var child in children.EnumerateObject())
            {
                Collect(child.Value, path + "." + child.Name, found, depth + 1);
            }
        }
    }

    private static bool Marked(JsonElement extension) =>
        extension.ValueKind == JsonValueKind.Object && extension.TryGetProperty("credentials", out var credentials)
        && credentials.ValueKind == JsonValueKind.Object
        && (Flag(credentials, "passkey", "display_name") || Flag(credentials, "webauthn", "identifier"));

    private static bool Flag(JsonElement credentials, string method, string name) =>
        credentials.TryGetProperty(method, out var m) && m.ValueKind == JsonValueKind.Object
        && m.TryGetProperty(name, out var flag) && flag.ValueKind == JsonValueKind.True;
}
