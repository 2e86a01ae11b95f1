using System.Text.Json.Nodes;

namespace Custos.SelfService.Ui;

/// <summary>A flow's <c>ui</c>: where and how to submit, the nodes, and form-level messages (omitted when empty).</summary>
internal sealed class UiContainer
{
    public required string Action { get; set; }
    public string Method { get; set; } = "POST";
    public List<UiNode> Nodes { get; init; } = [];
    public List<UiText> Messages { get; init; } = [];

    /// <summary>Adds or replaces (by group and key) a node.</summary>
    public UiNode Upsert(UiNode node)
    {
        var index = Nodes.FindIndex(n => n.Key == node.Key && n.Group == node.Group && n.Type == node.Type);
        if (index >= 0)
        {
            Nodes[index] = node;
        }
        else
        {
            Nodes.Add(node);
        }

        return node;
    }

    /// <summary>The first input node with this name, in any group.</summary>
    public UiNode? Find(string name) => Nodes.FirstOrDefault(n => n.Type == "input" && n.Key == name);

    /// <summary>Removes every message, from the container and from the nodes.</summary>
    public void ResetMessages()
    {
        Messages.Clear();
        foreach (var node in Nodes)
        {
            node.Messages.Clear();
        }
    }

    /// <summary>Attaches a message to the node named <paramref name="name"/> (created as a hidden input if absent), or to the form when the name is empty.</summary>
    public void AddMessage(string? name, UiText message, string group = UiNodeGroup.Default)
    {
        if (string.IsNullOrEmpty(name))
        {
            Messages.Add(message);
            return;
        }

        var node = Find(name) ?? Upsert(UiNode.Input(group, name, "text"));
        node.Messages.Add(message);
    }

    /// <summary>Clears the <c>value</c> of every input except hidden and submit ones whose value is fixed.</summary>
    public void ResetValues(params string[] except)
    {
        foreach (var node in Nodes.Where(n => n.Type == "input" && !except.Contains(n.Key)))
        {
            var type = node.Attributes["type"]?.GetValue<string>();
            if (type is not ("submit" or "hidden" or "button"))
            {
                node.Value = null;
            }
        }
    }

    public JsonObject ToJson()
    {
        var o = new JsonObject
        {
            ["action"] = Action,
            ["method"] = Method,
            ["nodes"] = new JsonArray(Nodes.Select(n => (JsonNode?)n.ToJson()).ToArray()),
        };
        if (Messages.Count > 0)
        {
            o["messages"] = new JsonArray(Messages.Select(m => (JsonNode?)UiTextJson.Write(m)).ToArray());
        }

        return o;
    }

    public static UiContainer FromJson(JsonObject json) => new()
    {
        Action = json["action"]!.GetValue<string>(),
        Method = json["method"]?.GetValue<string>() ?? "POST",
        Nodes = (json["nodes"] as JsonArray ?? []).Select(n => UiNode.FromJson((JsonObject)n!)).ToList(),
        Messages = (json["messages"] as JsonArray ?? []).Select(m => UiTextJson.Read((JsonObject)m!)).ToList(),
    };
}
