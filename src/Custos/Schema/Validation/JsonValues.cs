using System.Globalization;
using System.Text.Json;

namespace Custos.Schema.Validation;

/// <summary>JSON value semantics of JSON Schema: type names, numeric comparison (1.0 equals 1) and deep equality.</summary>
internal static class JsonValues
{
    public static string TypeName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    public static bool HasType(JsonElement value, string type) => type switch
    {
        "integer" => value.ValueKind == JsonValueKind.Number && IsInteger(value),
        _ => TypeName(value) == type,
    };

    public static bool IsInteger(JsonElement number)
    {
        if (number.TryGetDecimal(out var d))
        {
            return d == decimal.Truncate(d);
        }

        var f = ToDouble(number);
        return double.IsInfinity(f) || Math.Floor(f) == f;
    }

    public static double ToDouble(JsonElement number) =>
        number.TryGetDouble(out var d) ? d : double.Parse(number.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Compares two JSON numbers, exactly with decimal when both fit, else with double.</summary>
    public static int CompareNumbers(JsonElement a, JsonElement b) =>
        a.TryGetDecimal(out var da) && b.TryGetDecimal(out var db) ? da.CompareTo(db) : ToDouble(a).CompareTo(ToDouble(b));

    public static bool DeepEquals(JsonElement a, JsonElement b)
    {
        var kindA = a.ValueKind;
        if (kindA != b.ValueKind)
        {
            return false;
        }

        switch (kindA)
        {
            case JsonValueKind.Number:
                return CompareNumbers(a, b) == 0;
            case JsonValueKind.String:
                return string.Equals(a.GetString(), b.GetString(), StringComparison.Ordinal);
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength())
                {
                    return false;
                }

                using (var left = a.EnumerateArray())
                using (var right = b.EnumerateArray())
                {
                    while (left.MoveNext() && right.MoveNext())
                    {
                        if (!DeepEquals(left.Current, right.Current))
                        {
                            return false;
                        }
                    }
                }

                return true;
            case JsonValueKind.Object:
                var count = 0;
                foreach (var property in a.EnumerateObject())
                {
                    count++;
                    if (!b.TryGetProperty(property.Name, out var other) || !DeepEquals(property.Value, other))
                    {
                        return false;
                    }
                }

                return count == b.EnumerateObject().Count();
            default:
                return true;
        }
    }

    /// <summary>Number of Unicode code points; JSON Schema lengths count code points, not UTF-16 units.</summary>
    public static int CodePointLength(string value)
    {
        var length = value.Length;
        foreach (var c in value)
        {
            if (char.IsLowSurrogate(c))
            {
                length--;
            }
        }

        return length;
    }
}
