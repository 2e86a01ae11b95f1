using System.Buffers;

namespace Custos.Schema.Validation;

/// <summary>RFC 3986 URIs, RFC 3987 IRIs (non-ASCII allowed) and RFC 6570 URI templates.</summary>
internal static partial class SchemaFormats
{
    private const string SubDelims = "!$&'()*+,;=";

    private static readonly SearchValues<char> SchemeChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");

    private static bool IsUri(string value, bool asciiOnly, bool requireScheme)
    {
        var rest = value;
        var hasScheme = TrySplitScheme(value, out var afterScheme);
        if (hasScheme)
        {
            rest = afterScheme;
        }
        else if (requireScheme)
        {
            return false;
        }

        var iri = !asciiOnly;
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            if (!IsComponent(rest[(hash + 1)..], ":@/?", iri))
            {
                return false;
            }

            rest = rest[..hash];
        }

        var question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            if (!IsComponent(rest[(question + 1)..], ":@/?", iri))
            {
                return false;
            }

            rest = rest[..question];
        }

        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var pathStart = rest.IndexOf('/', 2);
            var authority = pathStart < 0 ? rest[2..] : rest[2..pathStart];
            return IsAuthority(authority, iri) && IsComponent(pathStart < 0 ? string.Empty : rest[pathStart..], ":@/", iri);
        }

        // Without a scheme, a colon in the first segment would be read as one.
        var firstSegmentEnd = rest.IndexOf('/', StringComparison.Ordinal);
        var firstSegment = firstSegmentEnd < 0 ? rest : rest[..firstSegmentEnd];
        return (hasScheme || !firstSegment.Contains(':', StringComparison.Ordinal)) && IsComponent(rest, ":@/", iri);
    }

    private static bool TrySplitScheme(string value, out string rest)
    {
        rest = value;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(value[0]) || value.AsSpan(0, colon).ContainsAnyExcept(SchemeChars))
        {
            return false;
        }

        rest = value[(colon + 1)..];
        return true;
    }

    private static bool IsAuthority(string authority, bool iri)
    {
        var at = authority.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0 && (authority.IndexOf('@', at + 1) >= 0 || !IsComponent(authority[..at], ":", iri)))
        {
            return false;
        }

        var hostPort = authority[(at + 1)..];
        string port;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || !IsIpLiteral(hostPort[1..close]))
            {
                return false;
            }

            port = hostPort[(close + 1)..];
            if (port.Length > 0 && port[0] != ':')
            {
                return false;
            }
        }
        else
        {
            var colon = hostPort.IndexOf(':', StringComparison.Ordinal);
            var host = colon < 0 ? hostPort : hostPort[..colon];
            if (!IsComponent(host, string.Empty, iri))
            {
                return false;
            }

            port = colon < 0 ? string.Empty : hostPort[colon..];
        }

        return port.Length == 0 || port[1..].All(char.IsAsciiDigit);
    }

    private static bool IsIpLiteral(string literal)
    {
        if (literal.Length > 1 && literal[0] is 'v' or 'V')
        {
            var dot = literal.IndexOf('.', StringComparison.Ordinal);
            return dot > 1 && literal[1..dot].All(char.IsAsciiHexDigit) && dot < literal.Length - 1
                && literal[(dot + 1)..].All(c => IsUnreserved(c, iri: false) || SubDelims.Contains(c, StringComparison.Ordinal) || c == ':');
        }

        return IsIPv6(literal);
    }

    /// <summary>unreserved / pct-encoded / sub-delims plus <paramref name="extra"/>; IRIs also allow non-ASCII characters.</summary>
    private static bool IsComponent(string value, string extra, bool iri)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%')
            {
                if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!IsUnreserved(c, iri) && !SubDelims.Contains(c, StringComparison.Ordinal) && !extra.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUnreserved(char c, bool iri) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' || (iri && c >= 0xa0 && !char.IsWhiteSpace(c));

    private static bool IsUriTemplate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '{')
            {
                var close = value.IndexOf('}', i);
                var nextOpen = value.IndexOf('{', i + 1);
                if (close < 0 || (nextOpen >= 0 && nextOpen < close) || !IsTemplateExpression(value[(i + 1)..close]))
                {
                    return false;
                }

                i = close;
            }
            else if (c == '%')
            {
                if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (c <= ' ' || c == 0x7f || c is '}' or '"' or '<' or '>' or '\\' or '^' or '`' or '|')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTemplateExpression(string expression)
    {
        if (expression.Length > 0 && "+#./;?&".Contains(expression[0], StringComparison.Ordinal))
        {
            expression = expression[1..];
        }

        return expression.Length > 0 && expression.Split(',').All(IsVarSpec);
    }

    private static bool IsVarSpec(string spec)
    {
        var name = spec;
        if (spec.EndsWith('*'))
        {
            name = spec[..^1];
        }
        else if (spec.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0)
        {
            var length = spec[(colon + 1)..];
            if (length.Length is 0 or > 4 || length[0] == '0' || !length.All(char.IsAsciiDigit))
            {
                return false;
            }

            name = spec[..colon];
        }

        return name.Length > 0 && name[0] != '.' && name[^1] != '.' && !name.Contains("..", StringComparison.Ordinal)
            && IsComponentOf(name, c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.');
    }

    private static bool IsComponentOf(string value, Func<char, bool> allowed)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%')
            {
                if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!allowed(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
