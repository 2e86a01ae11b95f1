using System.Globalization;

namespace Custos.Hashing;

/// <summary>Parses the <c>name=value,name=value</c> parameter segment of a modular-crypt style hash.</summary>
internal static class HashParameters
{
    /// <summary>
    /// Reads the unsigned decimal values of <paramref name="names"/>, which must appear exactly in this order;
    /// returns null when the segment does not have that shape or a value overflows.
    /// </summary>
    public static ulong[]? TryParse(string segment, params ReadOnlySpan<string> names)
    {
        var pairs = segment.Split(',');
        if (pairs.Length != names.Length)
        {
            return null;
        }

        var values = new ulong[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var prefix = names[i] + "=";
            if (!pairs[i].StartsWith(prefix, StringComparison.Ordinal)
                || !ulong.TryParse(pairs[i].AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
            {
                return null;
            }
        }

        return values;
    }
}
