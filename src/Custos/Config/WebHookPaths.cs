using System.Collections;

namespace Custos.Config;

/// <summary>Finds <c>web_hook</c> entries anywhere in the options tree (every flow's before/after lists, per method).</summary>
internal static class WebHookPaths
{
    /// <summary>The YAML path of the first <c>hooks[]</c> entry whose hook is <c>web_hook</c>, or null.</summary>
    public static string? First(CustosOptions options) => Find(options, "");

    private static string? Find(object node, string path)
    {
        if (node is HookOptions hook)
        {
            return hook.Hook == HookOptions.WebHook ? path : null;
        }

        foreach (var property in OptionsTypeModel.PropertiesOf(node.GetType()))
        {
            var childPath = path.Length == 0 ? property.Key : path + "." + property.Key;
            var value = property.Property.GetValue(node);
            var found = OptionsTypeModel.KindOf(property.Property.PropertyType) switch
            {
                ConfigNodeKind.Object when value is not null => Find(value, childPath),
                ConfigNodeKind.List when value is IList list => FindInList(list, childPath),
                ConfigNodeKind.Map when value is IDictionary map => FindInMap(map, childPath),
                _ => null,
            };
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static string? FindInList(IList list, string path)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is { } item && item.GetType().IsClass && item is not string && Find(item, $"{path}[{i}]") is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? FindInMap(IDictionary map, string path)
    {
        foreach (DictionaryEntry entry in map)
        {
            if (entry.Value is { } item && item.GetType().IsClass && item is not string && Find(item, $"{path}.{entry.Key}") is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
