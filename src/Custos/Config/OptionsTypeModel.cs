using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary>Reflection over the options classes: which properties are YAML keys and what shape each type has.</summary>
internal static class OptionsTypeModel
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<ConfigProperty>> Properties = new();

    /// <summary>The properties of <paramref name="type"/> that carry <see cref="ConfigurationKeyNameAttribute"/>.</summary>
    public static IReadOnlyList<ConfigProperty> PropertiesOf(Type type) => Properties.GetOrAdd(type, static t =>
        [
            .. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => (Property: p, Key: p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name))
                .Where(p => p.Key is not null && p.Property.CanWrite)
                .Select(p => new ConfigProperty(p.Key!, p.Property, p.Key!.ToUpperInvariant().Split('_'))),
        ]);

    /// <summary>The <see cref="ConfigRawAttribute"/> property of <paramref name="type"/>, if any.</summary>
    public static PropertyInfo? RawPropertyOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => p.GetCustomAttribute<ConfigRawAttribute>() is not null);

    /// <summary>The shape of <paramref name="type"/>.</summary>
    public static ConfigNodeKind KindOf(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(underlying))
        {
            return ConfigNodeKind.Raw;
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(List<>))
        {
            return ConfigNodeKind.List;
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            return ConfigNodeKind.Map;
        }

        return underlying.IsClass && underlying != typeof(string) ? ConfigNodeKind.Object : ConfigNodeKind.Scalar;
    }

    /// <summary>The element type of a list or the value type of a map.</summary>
    public static Type ElementType(Type type) => type.GetGenericArguments()[^1];
}
