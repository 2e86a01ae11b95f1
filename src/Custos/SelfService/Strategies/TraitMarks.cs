using System.Text.Json;

namespace Custos.SelfService.Strategies;

/// <summary>
/// Finds the traits an identity schema marks in its <c>ory.sh/kratos.credentials</c> extension (identifiers, a
/// passkey's display name, a TOTP account name), walking <c>properties.traits</c> and its nested properties.
/// </summary>
internal static class TraitMarks
{
    private const int MaxDepth = 16;

    /// <summary>The marked traits in schema order: their dotted path (<c>traits.email</c>) and schema node.</summary>
    public static List<(string Path, JsonElement Node)> Find(JsonElement schema, Func<JsonElement, bool> marked)
    {
        var found = new List<(string, JsonElement)>();
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var root)
            && root.ValueKind == JsonValueKind.Object && root.TryGetProperty("traits", out var traits))
        {
            Collect(traits, "traits", marked, found, 0);
        }

        return found;
    }

    /// <summary>Whether <c>credentials.&lt;method&gt;.&lt;key&gt;</c> is <c>true</c> in a trait's credentials extension.</summary>
    public static bool Flag(JsonElement credentials, string method, string key) =>
        credentials.TryGetProperty(method, out var config) && config.ValueKind == JsonValueKind.Object
        && config.TryGetProperty(key, out var flag) && flag.ValueKind == JsonValueKind.True;

    private static void Collect(JsonElement node, string path, Func<JsonElement, bool> marked, List<(string, JsonElement)> found, int depth)
    {
        if (depth > MaxDepth || node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (node.TryGetProperty("ory.sh/kratos", out var extension) && extension.ValueKind == JsonValueKind.Object
            && extension.TryGetProperty("credentials", out var credentials) && credentials.ValueKind == JsonValueKind.Object
            && marked(credentials))
        {
            found.Add((path, node));
        }

        if (node.TryGetProperty("properties", out var children) && children.ValueKind == JsonValueKind.Object)
        {
            foreach (var child in children.EnumerateObject())
            {
                Collect(child.Value, path + "." + child.Name, marked, found, depth + 1);
            }
        }
    }
}
