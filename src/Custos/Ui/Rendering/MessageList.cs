using System.Text.Json.Nodes;

namespace Custos.Ui.Rendering;

/// <summary>Kratos UI messages (<c>{id, text, type}</c>) as a list; errors are announced to screen readers.</summary>
internal static class MessageList
{
    public static bool HasError(IEnumerable<JsonObject> messages) => messages.Any(m => NodeJson.Str(m["type"]) == "error");

    public static void Render(Html h, IReadOnlyList<JsonObject> messages, string? id = null, string cssClass = "messages")
    {
        if (messages.Count == 0)
        {
            return;
        }

        h.Open("ul", ("class", cssClass), ("id", id), ("role", HasError(messages) ? "alert" : "status"));
        foreach (var message in messages)
        {
            var type = NodeJson.Str(message["type"]) switch
            {
                "error" => "error",
                "success" => "success",
                _ => "info",
            };
            h.Element("li", NodeJson.Text(message), ("class", "message message-" + type), ("data-message-id", NodeJson.Int(message["id"])));
        }

        h.Close("ul");
    }
}
