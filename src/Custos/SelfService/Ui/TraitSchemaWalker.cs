using System.Text.Json;
using System.Text.Json.Nodes;

namespace Custos.SelfService.Ui;

/// <summary>
/// Walks <c>properties.traits</c> of an identity schema depth-first in document order. Local <c>$ref</c>s
/// (<c>#/definitions/x</c>, <c>#/$defs/x</c>) are followed, sibling keywords of a <c>$ref</c> win over the target's,
/// and properties contributed by <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c> branches are included. A property is
/// required when its own parent object lists it, as in Kratos. Recursive schemas stop at the first repeat.
/// </summary>
internal sealed class TraitSchemaWalker(JsonElement root)
{
    private const int MaxDepth = 32;

    public IEnumerable<TraitLeaf> Leaves()
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("properties", out var properties)
            || properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty("traits", out var traits))
        {
            return [];
        }

        var leaves = new List<TraitLeaf>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        WalkObject(Chain(traits, []), "traits", leaves, seen, [], 0);
        return leaves;
    }

    private void WalkObject(List<JsonElement> chain, string prefix, List<TraitLeaf> leaves, HashSet<string> seen, HashSet<string> refs, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in Parts(chain, refs))
        {
            if (part.TryGetProperty("required", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                required.UnionWith(list.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!));
            }
        }

        foreach (var part in Parts(chain, refs))
        {
            if (!part.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var property in properties.EnumerateObject())
            {
                var name = prefix + "." + property.Name;
                var propertyRefs = new HashSet<string>(refs, StringComparer.Ordinal);
                var propertyChain = Chain(property.Value, propertyRefs);
                var type = JsonType(propertyChain);
                if (type == "object")
                {
                    WalkObject(propertyChain, name, leaves, seen, propertyRefs, depth + 1);
                }
                else if ((type is not null || Keyword(propertyChain, "default") is not null) && !IsObjectArray(propertyChain, type) && seen.Add(name))
                {
                    leaves.Add(new TraitLeaf(name, type, String(propertyChain, "format"), String(propertyChain, "title"),
                        String(propertyChain, "pattern"), required.Contains(property.Name), Enum(propertyChain), ItemsType(propertyChain, type)));
                }
            }
        }
    }

    // The object schema itself plus the (resolved) branches of allOf/anyOf/oneOf that can contribute properties.
    private IEnumerable<JsonElement> Parts(List<JsonElement> chain, HashSet<string> refs)
    {
        foreach (var schema in chain)
        {
            yield return schema;
            foreach (var keyword in (string[])["allOf", "anyOf", "oneOf"])
            {
                if (schema.TryGetProperty(keyword, out var branches) && branches.ValueKind == JsonValueKind.Array)
                {
                    foreach (var branch in branches.EnumerateArray())
                    {
                        foreach (var resolved in Chain(branch, new HashSet<string>(refs, StringComparer.Ordinal)))
                        {
                            yield return resolved;
                        }
                    }
                }
            }
        }
    }

    // A schema followed by the targets of its $ref chain; `refs` collects visited targets to stop cycles.
    private List<JsonElement> Chain(JsonElement schema, HashSet<string> refs)
    {
        var chain = new List<JsonElement>();
        var current = schema;
        while (current.ValueKind == JsonValueKind.Object && chain.Count < MaxDepth)
        {
            chain.Add(current);
            if (!current.TryGetProperty("$ref", out var reference) || reference.ValueKind != JsonValueKind.String)
            {
                break;
            }

            var pointer = reference.GetString()!;
            if (!refs.Add(pointer) || Resolve(pointer) is not { } target)
            {
                break;
            }

            current = target;
        }

        return chain;
    }

    private JsonElement? Resolve(string reference)
    {
        if (!reference.StartsWith('#'))
        {
            return null;
        }

        var current = root;
        foreach (var raw in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var token = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(token, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(token, out var index) && index >= 0 && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private static JsonElement? Keyword(List<JsonElement> chain, string keyword)
    {
        foreach (var schema in chain)
        {
            if (schema.TryGetProperty(keyword, out var value))
            {
                return value;
            }
        }

        return null;
    }

    private static string? String(List<JsonElement> chain, string keyword) =>
        Keyword(chain, keyword) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    // Kratos derives the path type from `const` first, then from a single `type` (["string"] counts, ["string","null"] does not).
    private static string? JsonType(List<JsonElement> chain)
    {
        if (Keyword(chain, "const") is { } constant)
        {
            return constant.ValueKind switch
            {
                JsonValueKind.String => "string",
                JsonValueKind.Number => "number",
                JsonValueKind.True or JsonValueKind.False => "boolean",
                _ => null,
            };
        }

        return Keyword(chain, "type") switch
        {
            { ValueKind: JsonValueKind.String } type => type.GetString(),
            { ValueKind: JsonValueKind.Array } types when types.GetArrayLength() == 1 && types[0].ValueKind == JsonValueKind.String => types[0].GetString(),
            _ => null,
        };
    }

    // Arrays of objects are JSON-typed in Kratos and get no input node.
    private bool IsObjectArray(List<JsonElement> chain, string? type) =>
        type == "array" && Keyword(chain, "items") is { ValueKind: JsonValueKind.Object } && ItemsType(chain, type) is not ("string" or "number" or "integer" or "boolean");

    private string? ItemsType(List<JsonElement> chain, string? type) =>
        type == "array" && Keyword(chain, "items") is { ValueKind: JsonValueKind.Object } items ? JsonType(Chain(items, [])) : null;

    private static List<JsonNode?>? Enum(List<JsonElement> chain) =>
        Keyword(chain, "enum") is { ValueKind: JsonValueKind.Array } values
            ? values.EnumerateArray().Select(v => JsonNode.Parse(v.GetRawText())).ToList()
            : null;
}
