using System.Text.Json;

namespace Custos.SelfService.Ui;

/// <summary>
/// The property paths of an identity schema in document order (<c>traits.email</c>, <c>traits.name.first</c>, ...), the
/// key list that orders registration and settings nodes. This deliberately is not <see cref="TraitSchemaWalker"/>:
/// Kratos takes the order from the schema file as written, so it does not follow <c>$ref</c>s or combinators, and every
/// property whose <c>type</c> is not the string <c>"object"</c> is a key of its own (an untyped <c>traits</c> that is a
/// <c>$ref</c> becomes the single key <c>traits</c>, which then matches every trait node). Dots in a property name are
/// escaped as <c>\.</c>.
/// </summary>
internal static class SchemaKeyOrder
{
    private const int MaxDepth = 64;

    public static IReadOnlyList<string> Of(JsonElement schema)
    {
        var keys = new List<string>();
        Walk(schema, keys, [], 0);
        return keys;
    }

    private static void Walk(JsonElement schema, List<string> keys, List<string> parents, int depth)
    {
        if (depth < MaxDepth && IsObjectType(schema))
        {
            if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in properties.EnumerateObject())
                {
                    parents.Add(property.Name.Replace(".", "\\.", StringComparison.Ordinal));
                    Walk(property.Value, keys, parents, depth + 1);
                    parents.RemoveAt(parents.Count - 1);
                }
            }

            return;
        }

        keys.Add(string.Join('.', parents));
    }

    private static bool IsObjectType(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object
        && schema.TryGetProperty("type", out var type)
        && type.ValueKind == JsonValueKind.String
        && type.GetString() == "object";
}
