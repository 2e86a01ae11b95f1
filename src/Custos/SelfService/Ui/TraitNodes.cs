using System.Text.Json;
using System.Text.Json.Nodes;

namespace Custos.SelfService.Ui;

/// <summary>
/// Builds the <c>traits.*</c> input nodes from an identity schema, as Kratos does for registration and the settings
/// profile form: one node per leaf property under <c>properties.traits</c>, in schema order, nested objects flattened
/// to dotted names (<c>traits.name.first</c>), local <c>$ref</c>s followed.
/// </summary>
internal static class TraitNodes
{
    /// <summary>Kratos caps enum options so a pathological schema cannot inflate every flow response.</summary>
    public const int MaxEnumOptions = 500;

    public static IReadOnlyList<UiNode> FromSchema(JsonElement identitySchema, string group, JsonNode? traits = null)
    {
        var nodes = new List<UiNode>();
        var walker = new TraitSchemaWalker(identitySchema);
        foreach (var leaf in walker.Leaves())
        {
            var node = ToNode(leaf, group);
            var value = traits is null ? null : ValueAt(traits, leaf.Name["traits.".Length..]);
            if (value is not null and not JsonObject)
            {
                node.Value = value.DeepClone();
            }

            nodes.Add(node);
        }

        return nodes;
    }

    /// <summary>Every leaf path of the schema in document order (<c>traits.email</c>, ...), for sorting nodes like Kratos.</summary>
    public static IReadOnlyList<string> KeysInOrder(JsonElement identitySchema) =>
        new TraitSchemaWalker(identitySchema).Leaves().Select(l => l.Name).ToList();

    /// <summary>Sets the <c>value</c> of each existing <c>traits.*</c> input node from <paramref name="traits"/>.</summary>
    public static void ApplyValues(UiContainer ui, JsonNode traits)
    {
        foreach (var (path, value) in Flatten(traits, ""))
        {
            if (ui.Find("traits." + path) is { } node)
            {
                node.Value = value?.DeepClone();
            }
        }
    }

    private static UiNode ToNode(TraitLeaf leaf, string group)
    {
        var (type, autocomplete) = InputType(leaf);
        UiText? label = leaf.Title is { Length: > 0 } title ? Messages.InfoNodeLabelGenerated(title, leaf.Name) : null;
        var node = UiNode.Input(group, leaf.Name, type, required: leaf.Required, autocomplete: autocomplete, label: label, pattern: leaf.Pattern);
        if (leaf.Enum is { Count: > 0 } options)
        {
            // "options" sits before node_type, as in Kratos's attribute order
            node.Attributes.Remove("node_type");
            node.Attributes["options"] = new JsonArray(options.Take(MaxEnumOptions)
                .Select(v => (JsonNode?)new JsonObject { ["value"] = v?.DeepClone() }).ToArray());
            node.Attributes["node_type"] = "input";
        }

        return node;
    }

    private static (string Type, string? Autocomplete) InputType(TraitLeaf leaf)
    {
        switch (leaf.Format)
        {
            case "date-time": return ("datetime-local", null);
            case "email": return ("email", "email");
            case "tel": return ("tel", "tel");
            case "date": return ("date", null);
            case "uri": return ("url", "url");
        }

        return leaf.JsonType switch
        {
            "number" or "integer" => ("number", null),
            "boolean" => ("checkbox", null),
            _ => ("text", null),
        };
    }

    private static JsonNode? ValueAt(JsonNode root, string dottedPath)
    {
        JsonNode? current = root;
        foreach (var segment in dottedPath.Split('.'))
        {
            current = (current as JsonObject)?[segment];
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    private static IEnumerable<(string Path, JsonNode? Value)> Flatten(JsonNode? node, string prefix)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, child) in obj)
            {
                foreach (var leaf in Flatten(child, prefix.Length == 0 ? key : prefix + "." + key))
                {
                    yield return leaf;
                }
            }
        }
        else if (prefix.Length > 0)
        {
            yield return (prefix, node);
        }
    }
}
