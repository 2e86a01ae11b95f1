using System.Globalization;

namespace Custos.Hosting;

/// <summary>Kratos's time format: RFC 3339 in UTC with up to nanosecond digits, trailing zeros dropped (Go's RFC3339Nano).</summary>
internal static class KratosTime
{
    public static string Format(DateTime value) =>
        DateTime.SpecifyKind(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, DateTimeKind.Utc)
            .ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
