using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Custos.Config.View;

/// <summary>
/// Writes the loaded <see cref="CustosOptions"/> back as a kratos.yml-shaped JSON tree: every modelled key with its
/// effective value (files, environment and defaults applied), durations and sizes in their YAML spelling. Unmodelled
/// members that a class keeps verbatim (<see cref="ConfigRawAttribute"/>) are added as written. Secrets are not removed
/// here; <see cref="ConfigRedactor"/> does that.
/// </summary>
internal static class EffectiveConfigWriter
{
    private const int MaxDepth = 32;

    public static JsonObject Write(CustosOptions options) => WriteObject(options, 0);

    private static JsonNode? WriteValue(object? value, Type type, int depth)
    {
        if (value is null || depth > MaxDepth)
        {
            return null;
        }

        return OptionsTypeModel.KindOf(type) switch
        {
            ConfigNodeKind.Object => WriteObject(value, depth + 1),
            ConfigNodeKind.List => WriteList((System.Collections.IEnumerable)value, OptionsTypeModel.ElementType(type), depth + 1),
            ConfigNodeKind.Map => WriteMap((System.Collections.IDictionary)value, OptionsTypeModel.ElementType(type), depth + 1),
            ConfigNodeKind.Raw => WriteRaw(value),
            _ => WriteScalar(value),
        };
    }

    private static JsonObject WriteObject(object value, int depth)
    {
        var result = new JsonObject();
        foreach (var property in OptionsTypeModel.PropertiesOf(value.GetType()))
        {
            if (WriteValue(property.Property.GetValue(value), property.Type, depth) is { } node)
            {
                result[property.Key] = node;
            }
        }

        if (OptionsTypeModel.RawPropertyOf(value.GetType())?.GetValue(value) is JsonElement { ValueKind: JsonValueKind.Object } raw)
        {
            foreach (var member in raw.EnumerateObject().Where(m => !result.ContainsKey(m.Name)))
            {
                result[member.Name] = JsonNode.Parse(member.Value.GetRawText());
            }
        }

        return result;
    }

    private static JsonArray WriteList(System.Collections.IEnumerable items, Type elementType, int depth)
    {
        var result = new JsonArray();
        foreach (var item in items)
        {
            result.Add(WriteValue(item, elementType, depth));
        }

        return result;
    }

    private static JsonObject WriteMap(System.Collections.IDictionary map, Type valueType, int depth)
    {
        var result = new JsonObject();
        foreach (System.Collections.DictionaryEntry entry in map)
        {
            result[Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!] = WriteValue(entry.Value, valueType, depth);
        }

        return result;
    }

    private static JsonNode? WriteRaw(object value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Undefined } => null,
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        JsonNode node => node.DeepClone(),
        _ => null,
    };

    private static JsonValue? WriteScalar(object value) => value switch
    {
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        TimeSpan t => JsonValue.Create(GoDuration.Format(t)),
        ByteSize size => JsonValue.Create(size.ToString()),
        Enum e => JsonValue.Create(ScalarConverter.EnumName(e.GetType(), e)),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };
}
