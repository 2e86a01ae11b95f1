using System.Globalization;
using System.Text.RegularExpressions;

namespace Custos.Config;

/// <summary>
/// A byte count written like Go's bytesize (<c>128MB</c>, <c>1GB</c>, <c>512KB</c>, <c>1.5GB</c>); units are binary
/// (1KB = 1024 bytes), as Kratos parses them.
/// </summary>
internal readonly partial record struct ByteSize(long Bytes)
{
    private static readonly string[] Units = ["B", "KB", "MB", "GB", "TB", "PB", "EB"];

    /// <summary>The size in whole kibibytes (what argon2 takes as its memory parameter).</summary>
    public long Kibibytes => Bytes / 1024;

    /// <summary><paramref name="megabytes"/> × 1024².</summary>
    public static ByteSize FromMegabytes(long megabytes) => new(megabytes * 1024 * 1024);

    /// <summary><paramref name="gigabytes"/> × 1024³.</summary>
    public static ByteSize FromGigabytes(long gigabytes) => new(gigabytes * 1024 * 1024 * 1024);

    /// <summary>Parses <c>&lt;number&gt;[unit]</c>; a bare number is bytes. Units are case-insensitive; <c>KiB</c> style is accepted.</summary>
    public static bool TryParse(string? text, out ByteSize size)
    {
        size = default;
        var match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        if (!match.Success
            || !decimal.TryParse(match.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var unit = match.Groups["u"].Value.ToUpperInvariant().Replace("I", "", StringComparison.Ordinal);
        if (unit.Length == 1 && unit != "B")
        {
            unit += "B";
        }

        var exponent = unit.Length == 0 ? 0 : Array.IndexOf(Units, unit);
        if (exponent < 0)
        {
            return false;
        }

        try
        {
            var bytes = number;
            for (var i = 0; i < exponent; i++)
            {
                bytes *= 1024;
            }

            size = new ByteSize(decimal.ToInt64(decimal.Truncate(bytes)));
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>The largest exact unit, e.g. <c>128MB</c>.</summary>
    public override string ToString()
    {
        var value = Bytes;
        var unit = 0;
        while (value != 0 && value % 1024 == 0 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{value}{Units[unit]}");
    }

    [GeneratedRegex(@"^(?<n>[0-9]+(\.[0-9]+)?)\s*(?<u>[A-Za-z]*)$")]
    private static partial Regex Pattern();
}
