using System.Text.Json;
using System.Text.Json.Nodes;

namespace Custos.SelfService.Ui;

/// <summary>Reads and writes <see cref="UiText"/> as <c>{id, text, type, context?}</c>.</summary>
internal static class UiTextJson
{
    public static JsonObject Write(UiText text)
    {
        var o = new JsonObject { ["id"] = text.Id, ["text"] = text.Text, ["type"] = text.Type };
        if (text.Context is { Count: > 0 })
        {
            o["context"] = JsonSerializer.SerializeToNode(text.Context);
        }

        return o;
    }

    public static UiText Read(JsonObject o)
    {
        Dictionary<string, object?>? context = null;
        if (o["context"] is JsonObject c)
        {
            context = c.ToDictionary(kv => kv.Key, kv => (object?)kv.Value?.DeepClone());
        }

        return new UiText(o["id"]!.GetValue<long>(), o["text"]!.GetValue<string>(), o["type"]!.GetValue<string>(), context);
    }
}
