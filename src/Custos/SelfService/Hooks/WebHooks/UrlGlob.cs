using System.Text;
using System.Text.RegularExpressions;

namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>
/// One entry of <c>clients.http.private_ip_exception_urls</c>, in the glob syntax Kratos compiles with <c>.</c> and
/// <c>/</c> as separators: <c>*</c> and <c>?</c> never cross a separator, <c>**</c> crosses anything, <c>[a-z]</c> and
/// <c>[!a-z]</c> are classes, <c>{a,b}</c> alternatives, and <c>\</c> escapes. A URL matches as a whole.
/// </summary>
internal sealed class UrlGlob
{
    private const string NotSeparator = "[^./]";
    private readonly Regex _regex;

    private UrlGlob(Regex regex) => _regex = regex;

    public static UrlGlob Parse(string glob)
    {
        var pattern = new StringBuilder("^");
        var i = 0;
        Append(glob, ref i, pattern, inAlternatives: false);
        pattern.Append('$');
        return new UrlGlob(new Regex(pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromMilliseconds(100)));
    }

    public bool IsMatch(string url) => _regex.IsMatch(url);

    private static void Append(string glob, ref int i, StringBuilder pattern, bool inAlternatives)
    {
        while (i < glob.Length)
        {
            var c = glob[i];
            if (inAlternatives && c is ',' or '}')
            {
                return;
            }

            i++;
            switch (c)
            {
                case '*' when i < glob.Length && glob[i] == '*':
                    i++;
                    pattern.Append(".*");
                    break;
                case '*':
                    pattern.Append(NotSeparator).Append('*');
                    break;
                case '?':
                    pattern.Append(NotSeparator);
                    break;
                case '[':
                    AppendClass(glob, ref i, pattern);
                    break;
                case '{':
                    AppendAlternatives(glob, ref i, pattern);
                    break;
                case '\\' when i < glob.Length:
                    pattern.Append(Regex.Escape(glob[i++].ToString()));
                    break;
                default:
                    pattern.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
    }

    private static void AppendClass(string glob, ref int i, StringBuilder pattern)
    {
        var end = glob.IndexOf(']', i);
        if (end < 0)
        {
            pattern.Append(Regex.Escape("["));
            return;
        }

        var body = glob[i..end];
        i = end + 1;
        var negated = body.StartsWith('!');
        var members = (negated ? body[1..] : body).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("^", "\\^", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal);
        pattern.Append(negated ? "[^" : "[").Append(members).Append(']');
    }

    private static void AppendAlternatives(string glob, ref int i, StringBuilder pattern)
    {
        pattern.Append("(?:");
        while (true)
        {
            Append(glob, ref i, pattern, inAlternatives: true);
            if (i >= glob.Length || glob[i] == '}')
            {
                i++;
                pattern.Append(')');
                return;
            }

            i++;
            pattern.Append('|');
        }
    }
}
