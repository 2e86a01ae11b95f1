using System.Text;
using System.Text.RegularExpressions;

namespace Custos.Courier.Templates;

/// <summary>
/// Turns the Go-template subset that Kratos template overrides commonly use into Handlebars, so existing override
/// directories keep working: field references (<c>{{ .VerificationURL }}</c>, <c>{{ .Identity.traits.email }}</c>,
/// <c>{{ . }}</c>), <c>if</c>/<c>else</c>/<c>else if</c>/<c>with</c>/<c>range</c>/<c>end</c> over a field, comments
/// and the <c>{{-</c>/<c>-}}</c> trim markers. Handlebars syntax passes through untouched. Anything else Go-specific
/// (functions, pipelines, variables) is refused with a <see cref="CourierTemplateException"/> rather than rendered wrong.
/// </summary>
internal static partial class GoTemplateRewriter
{
    public static string Rewrite(string source)
    {
        var output = new StringBuilder(source.Length);
        var blocks = new Stack<string>();
        var position = 0;
        while (true)
        {
            var open = source.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                output.Append(source, position, source.Length - position);
                break;
            }

            output.Append(source, position, open - position);
            var closer = source.AsSpan(open).StartsWith("{{{") ? "}}}" : source.AsSpan(open).StartsWith("{{!--") ? "--}}" : "}}";
            var close = source.IndexOf(closer, open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new CourierTemplateException($"unclosed \"{{{{\" at offset {open}");
            }

            var end = close + closer.Length;
            output.Append(closer == "}}" ? Translate(source[(open + 2)..close], blocks) : source[open..end]);
            position = end;
        }

        if (blocks.Count > 0)
        {
            throw new CourierTemplateException($"\"{{{{ {blocks.Peek()} }}}}\" is never closed with \"{{{{ end }}}}\"");
        }

        return output.ToString();
    }

    private static string Translate(string inner, Stack<string> blocks)
    {
        var trimLeft = inner.StartsWith("- ", StringComparison.Ordinal) || inner == "-";
        var trimRight = inner.EndsWith(" -", StringComparison.Ordinal);
        var content = inner[(trimLeft ? 1 : 0)..(inner.Length - (trimRight ? 1 : 0))].Trim();
        var left = trimLeft ? "{{~" : "{{";
        var right = trimRight ? "~}}" : "}}";

        if (content.StartsWith("/*", StringComparison.Ordinal) && content.EndsWith("*/", StringComparison.Ordinal))
        {
            return $"{left}!-- {content[2..^2].Trim().Replace("--", "- -", StringComparison.Ordinal)} --{right}";
        }

        if (content.StartsWith('.') && !content.StartsWith("./", StringComparison.Ordinal) && !content.StartsWith("../", StringComparison.Ordinal))
        {
            return $"{left}{Path(content)}{right}";
        }

        var space = content.IndexOf(' ', StringComparison.Ordinal);
        var keyword = space < 0 ? content : content[..space];
        var argument = space < 0 ? "" : content[(space + 1)..].Trim();
        switch (keyword)
        {
            case "if" or "with" or "range" when argument.StartsWith('.'):
                var helper = keyword == "range" ? "each" : keyword;
                blocks.Push(helper);
                return $"{left}#{helper} {Path(argument)}{right}";
            case "else" when argument.Length == 0:
                return $"{left}else{right}";
            case "else" when argument.StartsWith("if .", StringComparison.Ordinal):
                return $"{left}else if {Path(argument[3..].Trim())}{right}";
            case "end" when argument.Length == 0 && blocks.Count > 0:
                return $"{left}/{blocks.Pop()}{right}";
        }

        if (LooksLikeGo(content))
        {
            throw new CourierTemplateException(
                $"the Go template construct \"{{{{ {content} }}}}\" is not supported; use field references, if/else/with/range/end, or Handlebars");
        }

        return "{{" + inner + "}}";
    }

    private static string Path(string reference)
    {
        if (reference == ".")
        {
            return "this";
        }

        if (!FieldPath().IsMatch(reference))
        {
            throw new CourierTemplateException(
                $"the Go template expression \"{reference}\" is not supported; only field references such as .Identity.traits.email are");
        }

        return reference[1..];
    }

    // A Handlebars expression never contains a token starting with '.' or '$', nor Go's pipe or keywords.
    private static bool LooksLikeGo(string content) =>
        GoToken().IsMatch(content) || content is "end" || content.StartsWith("define ", StringComparison.Ordinal)
        || content.StartsWith("template ", StringComparison.Ordinal) || content.StartsWith("block ", StringComparison.Ordinal);

    [GeneratedRegex(@"^(\.[A-Za-z_][A-Za-z0-9_]*)+$")]
    private static partial Regex FieldPath();

    [GeneratedRegex(@"(^|[\s(])(\.(?![./])|\$)|\|")]
    private static partial Regex GoToken();
}
