using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Custos.Config;

/// <summary>Flattens the config tree into <c>a:b:0:c</c> keys for <see cref="Microsoft.Extensions.Configuration.IConfiguration"/>.</summary>
internal static class ConfigurationFlattener
{
    /// <summary>Every scalar leaf of <paramref name="root"/> keyed by its colon-joined path; nulls are omitted.</summary>
    public static Dictionary<string, string?> Flatten(JsonNode root)
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Visit(root, "", result);
        return result;
    }

    private static void Visit(JsonNode? node, string prefix, Dictionary<string, string?> result)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    Visit(child, Join(prefix, key), result);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Visit(array[i], Join(prefix, i.ToString(CultureInfo.InvariantCulture)), result);
                }

                break;
            case JsonValue value when prefix.Length > 0:
                result[prefix] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
                break;
        }
    }

    private static string Join(string prefix, string key) => prefix.Length == 0 ? key : prefix + ":" + key;
}
