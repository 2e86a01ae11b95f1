using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Custos.Config;

/// <summary>
/// Applies Kratos-style environment variables (<c>SELFSERVICE_FLOWS_LOGIN_UI_URL</c>, <c>SECRETS_COOKIE_0</c>,
/// <c>IDENTITY_SCHEMAS_0_URL</c>) to the config tree. Keys contain underscores, so a name is resolved by walking the
/// options types and matching each key's tokens, with backtracking, rather than by a naive <c>_</c> → <c>.</c> swap.
/// Names that match no key are ignored: the process environment is full of unrelated variables.
/// </summary>
internal static class EnvironmentOverrides
{
    /// <summary>Applies every matching variable to <paramref name="document"/>; whole lists/maps before their indexed entries.</summary>
    public static void Apply(JsonObject document, IReadOnlyDictionary<string, string?> environment, List<string> warnings)
    {
        var matches = new List<(string Name, IReadOnlyList<object> Path, Type Type, string Value)>();
        foreach (var (name, value) in environment)
        {
            if (!string.IsNullOrEmpty(value) && TryResolve(name, out var path, out var type))
            {
                matches.Add((name, path, type, value));
            }
        }

        foreach (var (name, path, type, value) in matches.OrderBy(m => m.Path.Count).ThenBy(m => m.Name, StringComparer.Ordinal))
        {
            if (ToNode(value, type, out var node))
            {
                Set(document, path, node);
            }
            else
            {
                warnings.Add($"environment variable {name} ignored: {FormatPath(path)} expects a JSON {(OptionsTypeModel.KindOf(type) == ConfigNodeKind.List ? "list" : "object")}");
            }
        }
    }

    /// <summary>Resolves an environment variable name to its YAML path (<c>serve.public.port</c>, <c>secrets.cookie[0]</c>).</summary>
    public static bool TryResolve(string name, out string yamlPath)
    {
        var found = TryResolve(name, out var path, out _);
        yamlPath = found ? FormatPath(path) : "";
        return found;
    }

    private static bool TryResolve(string name, out IReadOnlyList<object> path, out Type type)
    {
        var segments = new List<object>();
        var tokens = name.ToUpperInvariant().Split('_');
        var found = Match(typeof(CustosOptions), tokens, 0, segments, out type);
        path = segments;
        return found;
    }

    private static bool Match(Type type, string[] tokens, int start, List<object> path, out Type target)
    {
        target = type;
        if (start == tokens.Length)
        {
            return path.Count > 0;
        }

        switch (OptionsTypeModel.KindOf(type))
        {
            case ConfigNodeKind.Object:
                foreach (var property in OptionsTypeModel.PropertiesOf(type))
                {
                    if (!StartsWith(tokens, start, property.EnvTokens))
                    {
                        continue;
                    }

                    path.Add(property.Key);
                    if (Match(property.Type, tokens, start + property.EnvTokens.Count, path, out target))
                    {
                        return true;
                    }

                    path.RemoveAt(path.Count - 1);
                }

                return false;
            case ConfigNodeKind.List when tokens[start].Length > 0 && tokens[start].All(char.IsAsciiDigit)
                                          && int.TryParse(tokens[start], CultureInfo.InvariantCulture, out var index):
                path.Add(index);
                if (Match(OptionsTypeModel.ElementType(type), tokens, start + 1, path, out target))
                {
                    return true;
                }

                path.RemoveAt(path.Count - 1);
                return false;
            default:
                return false;
        }
    }

    private static bool StartsWith(string[] tokens, int start, IReadOnlyList<string> prefix)
    {
        if (tokens.Length - start < prefix.Count)
        {
            return false;
        }

        for (var i = 0; i < prefix.Count; i++)
        {
            if (tokens[start + i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool ToNode(string value, Type type, out JsonNode? node)
    {
        node = null;
        switch (OptionsTypeModel.KindOf(type))
        {
            case ConfigNodeKind.Scalar:
                node = TypedScalar(value.Trim(), Nullable.GetUnderlyingType(type) ?? type);
                return true;
            case ConfigNodeKind.List:
                if (TryParseJson(value) is JsonArray array)
                {
                    node = array;
                    return true;
                }

                // Like Kratos, a list of scalars may also be written comma-separated.
                var element = OptionsTypeModel.ElementType(type);
                if (OptionsTypeModel.KindOf(element) != ConfigNodeKind.Scalar)
                {
                    return false;
                }

                node = new JsonArray([.. value.Split(',').Select(v => TypedScalar(v.Trim(), element))]);
                return true;
            case ConfigNodeKind.Raw:
                node = TryParseJson(value) ?? JsonValue.Create(value);
                return true;
            default:
                node = TryParseJson(value) as JsonObject;
                return node is not null;
        }
    }

    private static JsonValue TypedScalar(string value, Type type)
    {
        if (type == typeof(int) || type == typeof(long))
        {
            return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number)
                : JsonValue.Create(value);
        }

        if (type == typeof(bool) && ScalarConverter.TryConvert(JsonValue.Create(value), type, out var flag, out _))
        {
            return JsonValue.Create((bool)flag!);
        }

        return JsonValue.Create(value);
    }

    private static JsonNode? TryParseJson(string value)
    {
        try
        {
            return JsonNode.Parse(value);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Set(JsonObject document, IReadOnlyList<object> path, JsonNode? value)
    {
        JsonNode container = document;
        for (var i = 0; i < path.Count; i++)
        {
            var last = i == path.Count - 1;
            JsonNode? next = last ? value : path[i + 1] is int ? new JsonArray() : new JsonObject();
            if (path[i] is string key)
            {
                var obj = (JsonObject)container;
                if (last || !IsContainerFor(obj[key], path[i + 1]))
                {
                    obj[key] = next;
                }

                container = obj[key]!;
            }
            else
            {
                var array = (JsonArray)container;
                var index = (int)path[i];
                while (array.Count <= index)
                {
                    array.Add(null);
                }

                if (last || !IsContainerFor(array[index], path[i + 1]))
                {
                    array[index] = next;
                }

                container = array[index]!;
            }
        }
    }

    private static bool IsContainerFor(JsonNode? node, object segment) =>
        segment is int ? node is JsonArray : node is JsonObject;

    private static string FormatPath(IReadOnlyList<object> path) =>
        string.Concat(path.Select((s, i) => s is int n ? $"[{n}]" : i == 0 ? (string)s : "." + s));
}
