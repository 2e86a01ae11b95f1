using System.Text;
using System.Text.RegularExpressions;

namespace Custos.Schema.Validation;

/// <summary>
/// Compiles ECMA-262 patterns (the dialect JSON Schema specifies) to .NET regular expressions. RegexOptions.ECMAScript
/// is not used because it rejects Unicode categories and lookbehind; instead the constructs whose meaning differs are
/// rewritten: <c>\d</c>/<c>\w</c> are ASCII-only in ECMA-262, and <c>$</c> never matches before a trailing newline.
/// Every match runs with a timeout so a catastrophic pattern cannot stall a request.
/// </summary>
internal static class EcmaRegex
{
    public static Regex Create(string pattern, TimeSpan timeout) =>
        new(Translate(pattern), RegexOptions.CultureInvariant, timeout);

    public static bool TryCreate(string pattern, TimeSpan timeout, out Regex? regex)
    {
        try
        {
            regex = Create(pattern, timeout);
            return true;
        }
        catch (ArgumentException)
        {
            regex = null;
            return false;
        }
    }

    /// <summary>
    /// Stricter syntax check for <c>format: regex</c>: rejects constructs .NET accepts but ECMA-262 (unicode mode) does
    /// not, namely the <c>\a</c> escape, comment groups and global inline flags.
    /// </summary>
    public static bool IsEcmaPattern(string pattern, TimeSpan timeout)
    {
        for (var i = 0; i < pattern.Length - 1; i++)
        {
            if (pattern[i] == '\\')
            {
                if (pattern[i + 1] == 'a')
                {
                    return false;
                }

                i++;
            }
            else if (pattern[i] == '(' && pattern[i + 1] == '?' && i + 2 < pattern.Length && IsGlobalFlagGroup(pattern, i + 2))
            {
                return false;
            }
        }

        return TryCreate(pattern, timeout, out _);
    }

    private static bool IsGlobalFlagGroup(string pattern, int start)
    {
        if (pattern[start] == '#')
        {
            return true;
        }

        var end = start;
        while (end < pattern.Length && pattern[end] is 'i' or 'm' or 's' or 'x' or 'n' or '-')
        {
            end++;
        }

        return end > start && end < pattern.Length && pattern[end] == ')';
    }

    private static string Translate(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                var close = pattern.IndexOf('}', i);
                if (next is 'p' or 'P' && i + 1 < pattern.Length && pattern[i + 1] == '{' && close > i)
                {
                    builder.Append('\\').Append(next).Append('{').Append(UnicodeProperty(pattern[(i + 2)..close])).Append('}');
                    i = close;
                    continue;
                }

                builder.Append(TranslateEscape(next, inClass) ?? "\\" + next);
                continue;
            }

            if (!inClass && char.IsHighSurrogate(c) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]))
            {
                // ECMA-262 (unicode mode) quantifies a whole astral code point; .NET would quantify the low surrogate only.
                builder.Append("(?:").Append(c).Append(pattern[++i]).Append(')');
                continue;
            }

            if (inClass)
            {
                if (c == ']')
                {
                    inClass = false;
                }
                else if (c == '[')
                {
                    // A literal '[' inside an ECMA class; .NET would read "[a-[b]]" as class subtraction.
                    builder.Append("\\[");
                    continue;
                }

                builder.Append(c);
                continue;
            }

            switch (c)
            {
                case '[':
                    var negated = i + 1 < pattern.Length && pattern[i + 1] == '^';
                    var closeAt = i + (negated ? 2 : 1);
                    if (closeAt < pattern.Length && pattern[closeAt] == ']')
                    {
                        // "[]" matches nothing and "[^]" matches anything in ECMA-262.
                        builder.Append(negated ? "[\\s\\S]" : "(?!)");
                        i = closeAt;
                        break;
                    }

                    inClass = true;
                    builder.Append(negated ? "[^" : "[");
                    i += negated ? 1 : 0;
                    break;
                case '$':
                    builder.Append("\\z");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    // ECMA-262 spells general categories out (\p{Letter}, \p{General_Category=Letter}); .NET knows only the short names.
    private static string UnicodeProperty(string name)
    {
        var equals = name.IndexOf('=', StringComparison.Ordinal);
        if (equals >= 0 && name[..equals] is "General_Category" or "gc")
        {
            name = name[(equals + 1)..];
        }

        return GeneralCategories.GetValueOrDefault(name, name);
    }

    private static readonly Dictionary<string, string> GeneralCategories = new(StringComparer.Ordinal)
    {
        ["Letter"] = "L", ["Uppercase_Letter"] = "Lu", ["Lowercase_Letter"] = "Ll", ["Titlecase_Letter"] = "Lt",
        ["Modifier_Letter"] = "Lm", ["Other_Letter"] = "Lo", ["Mark"] = "M", ["Combining_Mark"] = "M",
        ["Nonspacing_Mark"] = "Mn", ["Spacing_Mark"] = "Mc", ["Enclosing_Mark"] = "Me", ["Number"] = "N",
        ["Decimal_Number"] = "Nd", ["digit"] = "Nd", ["Letter_Number"] = "Nl", ["Other_Number"] = "No",
        ["Punctuation"] = "P", ["punct"] = "P", ["Connector_Punctuation"] = "Pc", ["Dash_Punctuation"] = "Pd",
        ["Open_Punctuation"] = "Ps", ["Close_Punctuation"] = "Pe", ["Initial_Punctuation"] = "Pi",
        ["Final_Punctuation"] = "Pf", ["Other_Punctuation"] = "Po", ["Symbol"] = "S", ["Math_Symbol"] = "Sm",
        ["Currency_Symbol"] = "Sc", ["Modifier_Symbol"] = "Sk", ["Other_Symbol"] = "So", ["Separator"] = "Z",
        ["Space_Separator"] = "Zs", ["Line_Separator"] = "Zl", ["Paragraph_Separator"] = "Zp", ["Other"] = "C",
        ["Control"] = "Cc", ["cntrl"] = "Cc", ["Format"] = "Cf", ["Surrogate"] = "Cs", ["Private_Use"] = "Co",
        ["Unassigned"] = "Cn",
    };

    private static string? TranslateEscape(char escape, bool inClass) => escape switch
    {
        'd' => inClass ? "0-9" : "[0-9]",
        'D' => inClass ? null : "[^0-9]",
        'w' => inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]",
        'W' => inClass ? null : "[^a-zA-Z0-9_]",
        's' => inClass ? "\\s\\uFEFF" : "[\\s\\uFEFF]",
        'S' => inClass ? null : "[^\\s\\uFEFF]",
        _ => null,
    };
}
