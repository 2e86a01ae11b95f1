using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Custos.Config;

/// <summary>
/// Validates a URL-valued option (a string or a list of strings). By default any URI reference is accepted, as Kratos's
/// <c>uri-reference</c> format; <see cref="Absolute"/> requires a scheme (<c>uri</c> format) and <see cref="Schemes"/>
/// restricts it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed partial class ConfigUrlAttribute : ValidationAttribute
{
    /// <summary>Require an absolute URI (with a scheme).</summary>
    public bool Absolute { get; set; }

    /// <summary>Allowed schemes, lower-case; null allows any.</summary>
    public string[]? Schemes { get; set; }

    /// <summary>True when <paramref name="value"/> has an RFC 3986 scheme and no whitespace.</summary>
    public static bool IsAbsolute(string value) => SchemePattern().IsMatch(value) && !value.Any(char.IsWhiteSpace);

    /// <summary>The problems with <paramref name="value"/>: one per offending list entry (with its index) or the single string.</summary>
    public IEnumerable<(int? Index, string Message)> Check(object? value)
    {
        switch (value)
        {
            case string text:
                if (CheckOne(text) is { } error)
                {
                    yield return (null, error);
                }

                break;
            case IEnumerable<string> list:
                var index = 0;
                foreach (var item in list)
                {
                    if (CheckOne(item) is { } itemError)
                    {
                        yield return (index, itemError);
                    }

                    index++;
                }

                break;
        }
    }

    /// <inheritdoc />
    public override bool IsValid(object? value) => !Check(value).Any();

    private string? CheckOne(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!Absolute)
        {
            return !value.Any(char.IsWhiteSpace) && Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out _)
                ? null
                : $"must be a valid URL, got \"{value}\"";
        }

        if (!IsAbsolute(value))
        {
            return $"must be an absolute URL, got \"{value}\"";
        }

        if (Schemes is null)
        {
            return null;
        }

        var scheme = value[..value.IndexOf(':', StringComparison.Ordinal)].ToLowerInvariant();
        var schemeOk = Array.IndexOf(Schemes, scheme) >= 0;
        var hostOk = Uri.TryCreate(value, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host);
        return schemeOk && hostOk
            ? null
            : $"must be a {string.Join(" or ", Schemes)} URL with a host, got \"{value}\"";
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex SchemePattern();
}
