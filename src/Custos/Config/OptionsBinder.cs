using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Custos.Config;

/// <summary>
/// Binds the merged JSON tree onto the options classes. Absent and null keys keep the property's default; lists are
/// replaced; free-form properties receive the JSON as written. Type errors are collected with their YAML path;
/// unknown top-level keys are errors, unknown nested keys are warnings.
/// </summary>
internal sealed class OptionsBinder(List<string> errors, List<string> warnings)
{
    /// <summary>Top-level keys Kratos's schema allows that are command-line flags, not configuration.</summary>
    private static readonly HashSet<string> IgnoredTopLevelKeys =
        ["dev", "help", "config", "sqa-opt-out", "watch-courier", "expose-metrics-port"];

    /// <summary>Binds <paramref name="document"/> into a new <see cref="CustosOptions"/>.</summary>
    public CustosOptions Bind(JsonObject document)
    {
        var options = new CustosOptions();
        BindObject(document, options, "");
        return options;
    }

    private void BindObject(JsonObject node, object target, string path)
    {
        var type = target.GetType();
        var properties = OptionsTypeModel.PropertiesOf(type);
        var raw = OptionsTypeModel.RawPropertyOf(type);
        raw?.SetValue(target, ToElement(node));
        foreach (var (key, value) in node)
        {
            var property = properties.FirstOrDefault(p => p.Key == key);
            if (property is null)
            {
                ReportUnknown(key, path, raw is not null);
                continue;
            }

            var current = property.Property.GetValue(target);
            var bound = BindValue(value, property.Type, current, Join(path, key));
            if (bound.Ok)
            {
                property.Property.SetValue(target, bound.Value);
            }
        }
    }

    private (bool Ok, object? Value) BindValue(JsonNode? node, Type type, object? existing, string path)
    {
        var kind = OptionsTypeModel.KindOf(type);
        if (node is null)
        {
            // "key:" with no value (YAML null) keeps the default, except for free-form JSON which records the null.
            return (kind == ConfigNodeKind.Raw, null);
        }

        switch (kind)
        {
            case ConfigNodeKind.Raw:
                return (true, type == typeof(JsonElement) || Nullable.GetUnderlyingType(type) == typeof(JsonElement)
                    ? ToElement(node)
                    : node.DeepClone());
            case ConfigNodeKind.Object when node is JsonObject obj:
                var target = existing ?? Activator.CreateInstance(type)!;
                BindObject(obj, target, path);
                return (true, target);
            case ConfigNodeKind.List when node is JsonArray array:
                return (true, BindList(array, type, path));
            case ConfigNodeKind.Map when node is JsonObject map:
                return (true, BindMap(map, type, path));
            case ConfigNodeKind.Scalar:
                if (ScalarConverter.TryConvert(node, type, out var value, out var error))
                {
                    return (true, value);
                }

                errors.Add($"{path}: {error}");
                return (false, null);
            default:
                var expected = kind switch
                {
                    ConfigNodeKind.List => "a list",
                    _ => "a map",
                };
                errors.Add($"{path}: expected {expected}, got {ScalarConverter.Describe(node)}");
                return (false, null);
        }
    }

    private IList BindList(JsonArray array, Type type, string path)
    {
        var list = (IList)Activator.CreateInstance(type)!;
        var elementType = OptionsTypeModel.ElementType(type);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is null)
            {
                continue;
            }

            var existing = OptionsTypeModel.KindOf(elementType) == ConfigNodeKind.Object ? Activator.CreateInstance(elementType) : null;
            var (ok, value) = BindValue(array[i], elementType, existing, $"{path}[{i}]");
            if (ok)
            {
                list.Add(value);
            }
        }

        return list;
    }

    private IDictionary BindMap(JsonObject map, Type type, string path)
    {
        var dictionary = (IDictionary)Activator.CreateInstance(type)!;
        var valueType = OptionsTypeModel.ElementType(type);
        foreach (var (key, node) in map)
        {
            var existing = OptionsTypeModel.KindOf(valueType) == ConfigNodeKind.Object ? Activator.CreateInstance(valueType) : null;
            var (ok, value) = BindValue(node, valueType, existing, Join(path, key));
            if (ok && node is not null)
            {
                dictionary[key] = value;
            }
        }

        return dictionary;
    }

    private void ReportUnknown(string key, string path, bool hasRaw)
    {
        if (path.Length == 0)
        {
            if (IgnoredTopLevelKeys.Contains(key))
            {
                warnings.Add($"config key \"{key}\" is a command-line flag and is ignored in config files");
            }
            else
            {
                errors.Add($"config key \"{key}\" is not allowed (unknown top-level key)");
            }
        }
        else if (!hasRaw)
        {
            warnings.Add($"{Join(path, key)}: unknown config key, ignored");
        }
    }

    private static JsonElement ToElement(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;
}
