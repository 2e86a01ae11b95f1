using System.Text.Json.Nodes;

namespace Custos.SelfService.Ui;

/// <summary>
/// One UI node: <c>{type, group, attributes, messages, meta}</c>. Attributes are kept as JSON in Kratos's field
/// order (<c>node_type</c> mirrors <c>type</c>); <c>messages</c> is <c>[]</c> and <c>meta</c> <c>{}</c> when empty.
/// </summary>
internal sealed class UiNode
{
    public required string Type { get; init; }
    public required string Group { get; set; }
    public required JsonObject Attributes { get; init; }
    public List<UiText> Messages { get; init; } = [];
    public UiText? Label { get; set; }

    /// <summary>The node's identity: <c>name</c> for inputs, <c>id</c> for the others.</summary>
    public string Key => (Type == "input" ? Attributes["name"] : Attributes["id"])?.GetValue<string>() ?? "";

    /// <summary>The <c>value</c> attribute of an input, or null.</summary>
    public JsonNode? Value
    {
        get => Attributes["value"];
        set
        {
            if (value is null)
            {
                Attributes.Remove("value");
                return;
            }

            // keep "value" in its place before "required"/"disabled"
            var ordered = Attributes.ToList();
            Attributes.Clear();
            var placed = false;
            foreach (var (k, v) in ordered)
            {
                if (k == "value")
                {
                    continue;
                }

                if (!placed && k is not ("name" or "type"))
                {
                    Attributes["value"] = value;
                    placed = true;
                }

                Attributes[k] = v;
            }

            if (!placed)
            {
                Attributes["value"] = value;
            }
        }
    }

    public static UiNode Input(string group, string name, string type, JsonNode? value = null, bool required = false,
        string? autocomplete = null, UiText? label = null, string? pattern = null, int? maxLength = null, bool disabled = false)
    {
        var attributes = new JsonObject { ["name"] = name, ["type"] = type };
        if (value is not null)
        {
            attributes["value"] = value;
        }

        if (required)
        {
            attributes["required"] = true;
        }

        if (autocomplete is not null)
        {
            attributes["autocomplete"] = autocomplete;
        }

        if (pattern is not null)
        {
            attributes["pattern"] = pattern;
        }

        if (maxLength is not null)
        {
            attributes["maxlength"] = maxLength;
        }

        attributes["disabled"] = disabled;
        attributes["node_type"] = "input";
        return new UiNode { Type = "input", Group = group, Attributes = attributes, Label = label };
    }

    public static UiNode Text(string group, string id, UiText text) => new()
    {
        Type = "text",
        Group = group,
        Attributes = new JsonObject { ["text"] = ToJson(text), ["id"] = id, ["node_type"] = "text" },
    };

    public static UiNode Anchor(string group, string id, string href, UiText title) => new()
    {
        Type = "a",
        Group = group,
        Attributes = new JsonObject { ["href"] = href, ["title"] = ToJson(title), ["id"] = id, ["node_type"] = "a" },
    };

    public static UiNode Image(string group, string id, string src, int width, int height, UiText? label = null) => new()
    {
        Type = "img",
        Group = group,
        Attributes = new JsonObject { ["src"] = src, ["id"] = id, ["width"] = width, ["height"] = height, ["node_type"] = "img" },
        Label = label,
    };

    public JsonObject ToJson()
    {
        var meta = new JsonObject();
        if (Label is not null)
        {
            meta["label"] = ToJson(Label);
        }

        return new JsonObject
        {
            ["type"] = Type,
            ["group"] = Group,
            ["attributes"] = Attributes.DeepClone(),
            ["messages"] = new JsonArray(Messages.Select(m => (JsonNode?)ToJson(m)).ToArray()),
            ["meta"] = meta,
        };
    }

    public static UiNode FromJson(JsonObject json)
    {
        var meta = json["meta"] as JsonObject;
        return new UiNode
        {
            Type = json["type"]!.GetValue<string>(),
            Group = json["group"]!.GetValue<string>(),
            Attributes = (JsonObject)json["attributes"]!.DeepClone(),
            Messages = (json["messages"] as JsonArray ?? []).Select(m => UiTextJson.Read((JsonObject)m!)).ToList(),
            Label = meta?["label"] is JsonObject label ? UiTextJson.Read(label) : null,
        };
    }

    internal static JsonObject ToJson(UiText text) => UiTextJson.Write(text);
}
