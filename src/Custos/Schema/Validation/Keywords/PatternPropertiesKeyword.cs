using System.Text.Json;
using System.Text.RegularExpressions;

namespace Custos.Schema.Validation.Keywords;

internal sealed class PatternPropertiesKeyword(string location, IReadOnlyList<(string Pattern, Regex Regex, SchemaNode Schema)> patterns)
    : KeywordEvaluator("patternProperties", location)
{
    public IEnumerable<(string Pattern, Regex Regex)> Patterns => patterns.Select(p => (p.Pattern, p.Regex));

    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in instance.EnumerateObject())
        {
            foreach (var (pattern, regex, schema) in patterns)
            {
                var path = JsonPointer.Append(instancePath, property.Name);
                if (!RegexMatcher.TryMatch(regex, property.Name, out var matched))
                {
                    result.AddError(Error(path, $"matching pattern {GoText.Quote(pattern)} timed out", new()
                    {
                        ["pattern"] = pattern,
                        ["timed_out"] = true,
                    }));
                    continue;
                }

                if (matched)
                {
                    result.MarkPropertyEvaluated(property.Name);
                    result.MergeNested(context.Evaluate(schema, property.Value, path));
                }
            }
        }
    }
}
