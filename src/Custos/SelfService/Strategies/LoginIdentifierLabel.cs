using System.Text.Json;
using Custos.Schema;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies;

/// <summary>
/// The label of the login <c>identifier</c> node, as Kratos derives it from the identity schema: the trait's
/// <c>title</c> (1070002) when exactly one trait carries a credential identifier of any method (password, webauthn,
/// passkey display name, totp account name, code) and has a title; otherwise "ID" (1070004).
/// </summary>
internal static class LoginIdentifierLabel
{
    private const int MaxDepth = 16;

    /// <summary>The label for the identity schema <paramref name="schemaId"/>.</summary>
    public static async Task<UiText> ForAsync(IdentitySchemaProvider schemas, string schemaId, CancellationToken ct) =>
        FromSchema((await schemas.GetAsync(schemaId, ct)).Raw);

    public static UiText FromSchema(JsonElement schema)
    {
        var found = new List<(string Title, string Name, bool HasTitle)>();
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var root)
            && root.ValueKind == JsonValueKind.Object && root.TryGetProperty("traits", out var traits))
        {
            Collect(traits, "traits", found, 0);
        }

        return found is [{ HasTitle: true } only] ? Messages.InfoNodeLabelGenerated(only.Title, only.Name) : Messages.InfoNodeLabelID();
    }

    private static void Collect(JsonElement node, string path, List<(string, string, bool)> found, int depth)
    {
        if (depth > MaxDepth || node.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (node.TryGetProperty("ory.sh/kratos", out var extension) && IsIdentifier(extension))
        {
            var hasTitle = node.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String;
            found.Add((hasTitle ? title.GetString()! : "", path, hasTitle));
        }

        if (node.TryGetProperty("properties", out var children) && children.ValueKind == JsonValueKind.Object)
        {
            foreach (var child in children.EnumerateObject())
            {
                Collect(child.Value, path + "." + child.Name, found, depth + 1);
            }
        }
    }

    private static bool IsIdentifier(JsonElement extension) =>
        extension.ValueKind == JsonValueKind.Object && extension.TryGetProperty("credentials", out var credentials) && credentials.ValueKind == JsonValueKind.Object
        && (Flag(credentials, "password", "identifier") || Flag(credentials, "webauthn", "identifier") || Flag(credentials, "passkey", "display_name")
            || Flag(credentials, "totp", "account_name") || Flag(credentials, "code", "identifier"));

    private static bool Flag(JsonElement credentials, string method, string key) =>
        credentials.TryGetProperty(method, out var config) && config.ValueKind == JsonValueKind.Object
        && config.TryGetProperty(key, out var flag) && flag.ValueKind == JsonValueKind.True;
}
