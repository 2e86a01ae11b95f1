using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Custos.Config;

/// <summary>
/// Converts a YAML/JSON scalar to an option's CLR type. Error texts name the expected shape and quote the offending
/// value; the caller prefixes the YAML path.
/// </summary>
internal static class ScalarConverter
{
    /// <summary>Converts <paramref name="node"/> to <paramref name="type"/>; on failure returns false and a message.</summary>
    public static bool TryConvert(JsonNode node, Type type, out object? value, out string error)
    {
        value = null;
        error = "";
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (node is not JsonValue scalar)
        {
            error = $"expected {Expected(target)}, got {Describe(node)}";
            return false;
        }

        var kind = scalar.GetValueKind();
        var text = kind == JsonValueKind.String ? scalar.GetValue<string>() : scalar.ToJsonString();
        var ok = target switch
        {
            _ when target == typeof(string) => Set(text, out value),
            _ when target == typeof(bool) => TryBool(kind, text, out value),
            _ when target == typeof(int) => TryInteger(text, int.MinValue, int.MaxValue, v => (int)v, out value),
            _ when target == typeof(long) => TryInteger(text, long.MinValue, long.MaxValue, v => v, out value),
            _ when target == typeof(double) => TryDouble(text, out value),
            _ when target == typeof(TimeSpan) => TryDuration(kind, text, out value),
            _ when target == typeof(ByteSize) => TryByteSize(text, out value),
            _ when target.IsEnum => TryEnum(target, kind, text, out value),
            _ => false,
        };
        if (!ok)
        {
            error = target.IsEnum
                ? $"expected one of {string.Join(", ", EnumNames(target).Select(n => $"\"{n}\""))}, got {Describe(node)}"
                : $"expected {Expected(target)}, got {Describe(node)}";
        }

        return ok;
    }

    /// <summary>A short description of a value for messages: quoted strings, literal numbers, "an object", "a list".</summary>
    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => $"\"{v.GetValue<string>()}\"",
        _ => node.ToJsonString(),
    };

    /// <summary>The YAML spelling of an enum member (its <see cref="EnumMemberAttribute"/> value).</summary>
    public static string EnumName(Type enumType, object member) =>
        enumType.GetField(member.ToString()!)?.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? member.ToString()!;

    /// <summary>All YAML spellings of an enum, in declaration order.</summary>
    public static IEnumerable<string> EnumNames(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? f.Name);

    private static string Expected(Type target) => target switch
    {
        _ when target == typeof(string) => "a string",
        _ when target == typeof(bool) => "a boolean",
        _ when target == typeof(int) || target == typeof(long) => "an integer",
        _ when target == typeof(double) => "a number",
        _ when target == typeof(TimeSpan) => "a duration such as \"1h\", \"10m\", \"1h30m\" or \"500ms\"",
        _ when target == typeof(ByteSize) => "a byte size such as \"128MB\" or \"1GB\"",
        _ => "a " + target.Name,
    };

    private static bool Set(object v, out object? value)
    {
        value = v;
        return true;
    }

    private static bool TryBool(JsonValueKind kind, string text, out object? value)
    {
        value = null;
        if (kind is JsonValueKind.True or JsonValueKind.False)
        {
            return Set(kind == JsonValueKind.True, out value);
        }

        // Environment variables arrive as strings; accept the spellings Go's strconv.ParseBool does.
        return text switch
        {
            "true" or "True" or "TRUE" or "t" or "T" or "1" => Set(true, out value),
            "false" or "False" or "FALSE" or "f" or "F" or "0" => Set(false, out value),
            _ => false,
        };
    }

    private static bool TryInteger(string text, long min, long max, Func<long, object> box, out object? value)
    {
        value = null;
        if (!long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            || number < min || number > max)
        {
            return false;
        }

        return Set(box(number), out value);
    }

    private static bool TryDouble(string text, out object? value)
    {
        value = null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && Set(number, out value);
    }

    private static bool TryDuration(JsonValueKind kind, string text, out object? value)
    {
        value = null;
        return kind is JsonValueKind.String or JsonValueKind.Number
            && GoDuration.TryParse(text, out var duration) && Set(duration, out value);
    }

    private static bool TryByteSize(string text, out object? value)
    {
        value = null;
        return ByteSize.TryParse(text, out var size) && Set(size, out value);
    }

    private static bool TryEnum(Type enumType, JsonValueKind kind, string text, out object? value)
    {
        value = null;
        if (kind != JsonValueKind.String)
        {
            return false;
        }

        foreach (var field in enumType.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var name = field.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? field.Name;
            if (name == text)
            {
                return Set(field.GetValue(null)!, out value);
            }
        }

        return false;
    }
}
