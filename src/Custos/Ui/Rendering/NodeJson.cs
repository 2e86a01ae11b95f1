using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Custos.Ui.Rendering;

/// <summary>Tolerant reads of a flow's wire JSON: a field of the wrong type reads as absent instead of failing the page.</summary>
internal static class NodeJson
{
    public static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool Bool(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>A scalar as form text: strings as they are, numbers invariant, booleans <c>true</c>/<c>false</c>; objects and arrays as null.</summary>
    public static string? Scalar(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "false",
        _ => null,
    };

    public static string? Int(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<long>(out var n) ? n.ToString(CultureInfo.InvariantCulture) : null;

    public static IEnumerable<JsonObject> Objects(JsonNode? node) => node is JsonArray a ? a.OfType<JsonObject>() : [];

    /// <summary>A Kratos UI text's English <c>text</c>, the server having already filled in its context.</summary>
    public static string? Text(JsonNode? uiText) => Str(uiText?["text"]);

    /// <summary>The label of a node (<c>meta.label.text</c>).</summary>
    public static string? Label(JsonObject node) => Text(node["meta"]?["label"]);
}
