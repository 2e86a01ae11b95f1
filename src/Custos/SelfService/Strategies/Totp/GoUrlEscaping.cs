using System.Text;

namespace Custos.SelfService.Strategies.Totp;

/// <summary>
/// Go's <c>net/url</c> percent-encoding, byte for byte, so key URIs match the ones Kratos writes: the path as
/// <c>url.URL.String</c> escapes it, query values as <c>url.PathEscape</c> does (spaces as <c>%20</c>), and
/// <c>url.QueryUnescape</c> for reading them back.
/// </summary>
internal static class GoUrlEscaping
{
    /// <summary>Go's <c>escape(s, encodePath)</c>: only <c>?</c> among the reserved characters is escaped.</summary>
    public static string Path(string s) => Escape(s, segment: false);

    /// <summary>Go's <c>url.PathEscape</c>: also escapes <c>/</c>, <c>;</c>, <c>,</c> and <c>?</c>.</summary>
    public static string PathSegment(string s) => Escape(s, segment: true);

    /// <summary>Go's <c>url.QueryUnescape</c>: <c>+</c> is a space; null when a <c>%</c> escape is malformed.</summary>
    public static string? QueryUnescape(string s)
    {
        var bytes = new List<byte>(s.Length);
        var i = 0;
        while (i < s.Length)
        {
            if (s[i] == '%')
            {
                if (i + 2 >= s.Length || !Uri.IsHexDigit(s[i + 1]) || !Uri.IsHexDigit(s[i + 2]))
                {
                    return null;
                }

                bytes.Add(Convert.ToByte(s.Substring(i + 1, 2), 16));
                i += 3;
            }
            else if (s[i] == '+')
            {
                bytes.Add((byte)' ');
                i++;
            }
            else
            {
                var start = i;
                while (i < s.Length && s[i] is not ('%' or '+'))
                {
                    i++;
                }

                bytes.AddRange(Encoding.UTF8.GetBytes(s[start..i]));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string Escape(string s, bool segment)
    {
        var builder = new StringBuilder(s.Length);
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            if (ShouldEscape(b, segment))
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append((char)b);
            }
        }

        return builder.ToString();
    }

    private static bool ShouldEscape(byte c, bool segment)
    {
        if (c is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9')
        {
            return false;
        }

        return c switch
        {
            (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~' => false,
            (byte)'$' or (byte)'&' or (byte)'+' or (byte)',' or (byte)'/' or (byte)':' or (byte)';' or (byte)'=' or (byte)'?' or (byte)'@' =>
                segment ? c is (byte)'/' or (byte)';' or (byte)',' or (byte)'?' : c == (byte)'?',
            _ => true,
        };
    }
}
