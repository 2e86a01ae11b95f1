using Microsoft.Extensions.Primitives;

namespace Custos.SelfService.Flows.Http;

/// <summary>
/// One <c>Accept</c> entry as gddo's <c>ParseAccept</c> reads it: a token (with <c>/</c>) and an optional <c>q</c>.
/// Its quirks are kept on purpose: a parameter other than a leading <c>q=</c>, or a malformed q, ends the parsing of
/// that header line; values are case-sensitive.
/// </summary>
internal readonly record struct AcceptSpec(string Value, double Q)
{
    public static IReadOnlyList<AcceptSpec> Parse(StringValues headers)
    {
        var specs = new List<AcceptSpec>();
        foreach (var header in headers)
        {
            ParseLine(header ?? "", specs);
        }

        return specs;
    }

    private static void ParseLine(string s, List<AcceptSpec> specs)
    {
        var i = 0;
        while (true)
        {
            var start = i;
            while (i < s.Length && (IsToken(s[i]) || s[i] == '/'))
            {
                i++;
            }

            if (i == start)
            {
                return;
            }

            var value = s[start..i];
            var q = 1.0;
            i = SkipSpace(s, i);
            if (i < s.Length && s[i] == ';')
            {
                i = SkipSpace(s, i + 1);
                if (!s.AsSpan(i).StartsWith("q="))
                {
                    return;
                }

                (q, i) = ExpectQuality(s, i + 2);
                if (q < 0.0)
                {
                    return;
                }
            }

            specs.Add(new AcceptSpec(value, q));
            i = SkipSpace(s, i);
            if (i >= s.Length || s[i] != ',')
            {
                return;
            }

            i = SkipSpace(s, i + 1);
        }
    }

    private static (double Q, int Next) ExpectQuality(string s, int i)
    {
        if (i >= s.Length || (s[i] != '0' && s[i] != '1'))
        {
            return (-1, s.Length);
        }

        double q = s[i] - '0';
        i++;
        if (i >= s.Length || s[i] != '.')
        {
            return (q, i);
        }

        i++;
        long n = 0;
        long d = 1;
        while (i < s.Length && char.IsAsciiDigit(s[i]) && d < 1_000_000_000_000)
        {
            n = (n * 10) + (s[i] - '0');
            d *= 10;
            i++;
        }

        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return (q + ((double)n / d), i);
    }

    private static int SkipSpace(string s, int i)
    {
        while (i < s.Length && s[i] is ' ' or '\t' or '\r' or '\n')
        {
            i++;
        }

        return i;
    }

    // RFC 2616 token characters: US-ASCII except controls and separators.
    private static bool IsToken(char c) => c is > ' ' and < (char)127 && !"\"(),/:;<=>?@[]\\{}".Contains(c, StringComparison.Ordinal);
}
