using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Flows.Http;

/// <summary>
/// Converts submitted trait values to the identity schema's types, as Kratos's form decoder does: numeric and
/// boolean strings become numbers and booleans (Go's <c>ParseBool</c> spellings), a single value for an array trait
/// becomes a one-element array, and empty strings are dropped for optional fields (a required boolean becomes
/// <c>false</c>, a required number <c>0</c>). For forms, empty strings are dropped for string fields too, so a blank
/// optional input is "absent" rather than "invalid". Unconvertible values are left for schema validation to report.
/// </summary>
internal static class TraitCoercion
{
    /// <param name="payload">the decoded body</param>
    /// <param name="identitySchema">the identity schema (with <c>properties.traits</c>)</param>
    /// <param name="form">true for form bodies (pass <c>request.HasFormContentType</c>): empty strings are dropped even for string traits</param>
    public static void Apply(JsonObject payload, JsonElement identitySchema, bool form)
    {
        if (payload["traits"] is not JsonObject)
        {
            return;
        }

        foreach (var leaf in new TraitSchemaWalker(identitySchema).Leaves())
        {
            if (Parent(payload, leaf.Name) is not { } parent)
            {
                continue;
            }

            var key = leaf.Name[(leaf.Name.LastIndexOf('.') + 1)..];
            if (!parent.TryGetPropertyValue(key, out var value))
            {
                continue;
            }

            if (leaf.JsonType == "array")
            {
                parent[key] = CoerceArray(value, leaf.ItemsType);
                continue;
            }

            if (value is JsonArray several && several.Count > 0 && several.All(v => v is JsonValue))
            {
                // repeated form fields: Kratos keeps the last value of a boolean (hidden "false" + checkbox "true"), else the first
                value = (leaf.JsonType == "boolean" ? several[^1] : several[0])!.DeepClone();
                parent[key] = value;
            }

            if (value is not JsonValue scalar || !scalar.TryGetValue<string>(out var text))
            {
                continue;
            }

            if (text.Length == 0)
            {
                var replacement = EmptyValue(leaf, form);
                if (replacement is null)
                {
                    parent.Remove(key);
                }
                else
                {
                    parent[key] = replacement;
                }

                continue;
            }

            parent[key] = Convert(text, leaf.JsonType) ?? value;
        }
    }

    private static JsonValue? EmptyValue(TraitLeaf leaf, bool form) => leaf.JsonType switch
    {
        "boolean" when leaf.Required => JsonValue.Create(false),
        "number" or "integer" when leaf.Required => JsonValue.Create(0),
        "string" or null when !form => JsonValue.Create(""),
        _ => null,
    };

    private static JsonArray CoerceArray(JsonNode? value, string? itemsType)
    {
        var items = value is JsonArray array ? array.Select(v => v?.DeepClone()).ToList() : [value?.DeepClone()];
        var converted = items.Select(item =>
            item is JsonValue v && v.TryGetValue<string>(out var text) ? Convert(text, itemsType) ?? item : item);
        return new JsonArray(converted.ToArray());
    }

    private static JsonValue? Convert(string text, string? type)
    {
        switch (type)
        {
            case "integer" when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer):
                return JsonValue.Create(integer);
            case "number" or "integer" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number):
                return JsonValue.Create(number);
            case "boolean":
                return text switch
                {
                    "1" or "t" or "T" or "TRUE" or "true" or "True" => JsonValue.Create(true),
                    "0" or "f" or "F" or "FALSE" or "false" or "False" => JsonValue.Create(false),
                    _ => null,
                };
            default:
                return null;
        }
    }

    private static JsonObject? Parent(JsonObject payload, string dotted)
    {
        JsonNode? current = payload;
        var segments = dotted.Split('.');
        foreach (var segment in segments[..^1])
        {
            current = (current as JsonObject)?[segment];
        }

        return current as JsonObject;
    }
}
