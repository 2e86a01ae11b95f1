using System.Globalization;
using System.Text.RegularExpressions;
using Custos.Hosting;

namespace Custos.Audit;

/// <summary>Strict RFC 3339 timestamps for the audit filters and CLI (<c>2026-12-07T10:00:00Z</c>, <c>…+01:00</c>, up to 9 fraction digits).</summary>
internal static partial class Rfc3339
{
    public static bool TryParse(string? text, out DateTime utc)
    {
        utc = default;
        var match = text is null ? null : Pattern().Match(text);
        if (match is not { Success: true })
        {
            return false;
        }

        // .NET reads at most 7 fraction digits; Go (and Kratos clients) may send 9.
        var fraction = match.Groups["fraction"].Value;
        var normalized = match.Groups["main"].Value.ToUpperInvariant() + (fraction.Length > 0 ? "." + fraction[..Math.Min(7, fraction.Length)] : "") + match.Groups["zone"].Value.ToUpperInvariant();
        if (!DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        utc = parsed.UtcDateTime;
        return true;
    }

    public static DateTime? ParseQuery(IQueryCollection query, string name)
    {
        var raw = query[name].FirstOrDefault();
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        return TryParse(raw, out var value)
            ? value
            : throw KratosErrors.BadRequest($"The {name} parameter must be an RFC 3339 time such as 2026-12-07T10:00:00Z, got \"{raw}\".");
    }

    [GeneratedRegex(@"^(?<main>\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2})(?:\.(?<fraction>\d{1,9}))?(?<zone>[Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
