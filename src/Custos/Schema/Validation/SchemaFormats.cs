using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Custos.Schema.Validation;

/// <summary>
/// The <c>format</c> checks. Besides the JSON Schema formats this knows Kratos's own: <c>tel</c> (a loosely valid phone
/// number) and <c>no-validate</c> (always valid). Unknown formats are valid, as the specification requires.
/// </summary>
internal static partial class SchemaFormats
{
    public static bool IsValid(string format, string value, TimeSpan regexTimeout) => format switch
    {
        "email" => IsEmail(value, asciiOnly: true),
        "idn-email" => IsEmail(value, asciiOnly: false),
        "hostname" => IsHostname(value),
        "idn-hostname" => IsIdnHostname(value),
        "ipv4" => IsIPv4(value),
        "ipv6" => IsIPv6(value),
        "uri" => IsUri(value, asciiOnly: true, requireScheme: true),
        "uri-reference" => IsUri(value, asciiOnly: true, requireScheme: false),
        "iri" => IsUri(value, asciiOnly: false, requireScheme: true),
        "iri-reference" => IsUri(value, asciiOnly: false, requireScheme: false),
        "uri-template" => IsUriTemplate(value),
        "date" => IsDate(value),
        "time" => IsTime(value),
        "date-time" => IsDateTime(value),
        "duration" => DurationRegex().IsMatch(value),
        "uuid" => UuidRegex().IsMatch(value),
        "regex" => EcmaRegex.IsEcmaPattern(value, regexTimeout),
        "json-pointer" => IsJsonPointer(value),
        "relative-json-pointer" => IsRelativeJsonPointer(value),
        "tel" => IsTelephone(value),
        _ => true,
    };

    private static bool IsEmail(string value, bool asciiOnly)
    {
        var at = value.LastIndexOf('@');
        if (at <= 0 || at == value.Length - 1 || value.Length > 254)
        {
            return false;
        }

        var local = value[..at];
        var domain = value[(at + 1)..];
        var localOk = local.StartsWith('"') && local.EndsWith('"') && local.Length >= 2
            ? !local[1..^1].Any(c => c is '"' or '\\' or < ' ')
            : !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..", StringComparison.Ordinal)
              && local.All(c => IsAtext(c) || c == '.' || (!asciiOnly && c > 0x7f));
        if (!localOk || local.Length > 64)
        {
            return false;
        }

        if (domain.StartsWith('[') && domain.EndsWith(']'))
        {
            var literal = domain[1..^1];
            return literal.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase) ? IsIPv6(literal[5..]) : IsIPv4(literal);
        }

        return asciiOnly ? IsHostname(domain) : IsIdnHostname(domain);
    }

    private static bool IsAtext(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~".Contains(c, StringComparison.Ordinal);

    private static bool IsHostname(string value)
    {
        var host = value;
        if (host.Length == 0 || host.Length > 253)
        {
            return false;
        }

        foreach (var label in host.Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-'
                || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }

            // "xn--" labels must be valid punycode (RFC 5891).
            if (label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase) && !IsValidPunycode(label))
            {
                return false;
            }

            if (label.Length >= 4 && label[2] == '-' && label[3] == '-' && !label.StartsWith("xn", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidPunycode(string label)
    {
        try
        {
            _ = new IdnMapping { UseStd3AsciiRules = true }.GetUnicode(label);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsIdnHostname(string value)
    {
        try
        {
            var ascii = new IdnMapping { UseStd3AsciiRules = true }.GetAscii(value);
            return IsHostname(ascii);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsIPv4(string value)
    {
        var parts = value.Split('.');
        return parts.Length == 4 && parts.All(p =>
            p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && (p.Length == 1 || p[0] != '0')
            && int.Parse(p, CultureInfo.InvariantCulture) <= 255);
    }

    private static bool IsIPv6(string value) =>
        value.Length > 0
        && value.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.')
        && (!value.Contains('.', StringComparison.Ordinal) || IsIPv4(value[(value.LastIndexOf(':') + 1)..]))
        && IPAddress.TryParse(value, out var address)
        && address.AddressFamily == AddressFamily.InterNetworkV6;

    private static bool IsDate(string value)
    {
        var match = DateRegex().Match(value);
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups[3].ValueSpan, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Max(year, 1), month);
    }

    private static bool IsTime(string value)
    {
        var match = TimeRegex().Match(value);
        if (!match.Success)
        {
            return false;
        }

        var hour = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
        var second = int.Parse(match.Groups[3].ValueSpan, CultureInfo.InvariantCulture);
        if (hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        var offsetMinutes = 0;
        if (match.Groups[5].Success)
        {
            var offsetHour = int.Parse(match.Groups[6].ValueSpan, CultureInfo.InvariantCulture);
            var offsetMinute = int.Parse(match.Groups[7].ValueSpan, CultureInfo.InvariantCulture);
            if (offsetHour > 23 || offsetMinute > 59)
            {
                return false;
            }

            offsetMinutes = (match.Groups[5].Value == "-" ? -1 : 1) * ((offsetHour * 60) + offsetMinute);
        }

        // A leap second is only valid at 23:59:60 UTC.
        var utcMinutes = ((((hour * 60) + minute - offsetMinutes) % 1440) + 1440) % 1440;
        return second != 60 || utcMinutes == 1439;
    }

    private static bool IsDateTime(string value)
    {
        var t = value.IndexOfAny(['T', 't']);
        return t > 0 && IsDate(value[..t]) && IsTime(value[(t + 1)..]);
    }

    private static bool IsJsonPointer(string value)
    {
        if (value.Length > 0 && value[0] != '/')
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '~' && (i + 1 >= value.Length || value[i + 1] is not ('0' or '1')))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsRelativeJsonPointer(string value)
    {
        var digits = 0;
        while (digits < value.Length && char.IsAsciiDigit(value[digits]))
        {
            digits++;
        }

        if (digits == 0 || (digits > 1 && value[0] == '0'))
        {
            return false;
        }

        var rest = value[digits..];
        return rest == "#" || IsJsonPointer(rest);
    }

    // Kratos accepts phone numbers loosely: an optional '+', then digits with spaces, dashes, dots or parentheses.
    private static bool IsTelephone(string value)
    {
        var body = value.StartsWith('+') ? value[1..] : value;
        var digits = body.Count(char.IsAsciiDigit);
        return digits is >= 5 and <= 15 && body.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')');
    }

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{2})-([0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"^([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?(?:[zZ]|([+-])([0-9]{2}):([0-9]{2}))\z", RegexOptions.CultureInvariant)]
    private static partial Regex TimeRegex();

    // RFC 3339 appendix A: units appear in order and may not skip one (no "P1Y2D", no "PT1H2S").
    [GeneratedRegex(@"^P(?:[0-9]+W|(?:[0-9]+Y(?:[0-9]+M(?:[0-9]+D)?)?|[0-9]+M(?:[0-9]+D)?|[0-9]+D)(?:T(?:[0-9]+H(?:[0-9]+M(?:[0-9]+S)?)?|[0-9]+M(?:[0-9]+S)?|[0-9]+S))?|T(?:[0-9]+H(?:[0-9]+M(?:[0-9]+S)?)?|[0-9]+M(?:[0-9]+S)?|[0-9]+S))\z", RegexOptions.CultureInvariant)]
    private static partial Regex DurationRegex();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex UuidRegex();
}
