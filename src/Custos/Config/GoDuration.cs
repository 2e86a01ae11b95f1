using System.Globalization;

namespace Custos.Config;

/// <summary>
/// Go <c>time.ParseDuration</c> syntax, which every Kratos duration key uses: a sequence of decimal numbers with units
/// <c>ns</c>, <c>us</c>/<c>µs</c>, <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c> (<c>1h30m</c>, <c>500ms</c>, <c>72h</c>).
/// </summary>
internal static class GoDuration
{
    private const decimal NanosecondsPerTick = 100m;

    /// <summary>Parses a Go duration; <c>0</c> alone is accepted without a unit. Sub-100ns precision is truncated.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var s = text?.Trim() ?? "";
        if (s.Length == 0)
        {
            return false;
        }

        var negative = s[0] == '-';
        if (s[0] is '-' or '+')
        {
            s = s[1..];
        }

        if (s == "0")
        {
            return true;
        }

        decimal totalNanoseconds = 0;
        var i = 0;
        try
        {
            while (i < s.Length)
            {
                var start = i;
                while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
                {
                    i++;
                }

                var numberText = s[start..i];
                if (numberText.Length == 0 || numberText == "."
                    || !decimal.TryParse(numberText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    return false;
                }

                var unitStart = i;
                while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
                {
                    i++;
                }

                var multiplier = UnitNanoseconds(s[unitStart..i]);
                if (multiplier == 0)
                {
                    return false;
                }

                totalNanoseconds += number * multiplier;
            }

            var ticks = decimal.Truncate(totalNanoseconds / NanosecondsPerTick);
            if (ticks > TimeSpan.MaxValue.Ticks)
            {
                return false;
            }

            value = TimeSpan.FromTicks((long)(negative ? -ticks : ticks));
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>Formats like Go's <c>Duration.String()</c> for whole units: <c>1h30m0s</c> becomes <c>1h30m</c>, <c>500ms</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var sign = value < TimeSpan.Zero ? "-" : "";
        value = value.Duration();
        if (value < TimeSpan.FromSeconds(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{sign}{(decimal)value.Ticks / TimeSpan.TicksPerMillisecond}ms");
        }

        var parts = new List<string>();
        var hours = (long)value.TotalHours;
        if (hours > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{hours}h"));
        }

        if (value.Minutes > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value.Minutes}m"));
        }

        var seconds = value.Seconds + ((decimal)(value.Ticks % TimeSpan.TicksPerSecond) / TimeSpan.TicksPerSecond);
        if (seconds > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{seconds}s"));
        }

        return sign + string.Concat(parts);
    }

    private static decimal UnitNanoseconds(string unit) => unit switch
    {
        "ns" => 1m,
        "us" or "µs" or "μs" => 1_000m,
        "ms" => 1_000_000m,
        "s" => 1_000_000_000m,
        "m" => 60_000_000_000m,
        "h" => 3_600_000_000_000m,
        _ => 0m,
    };
}
