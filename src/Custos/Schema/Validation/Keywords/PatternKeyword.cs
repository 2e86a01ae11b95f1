using System.Text.Json;
using System.Text.RegularExpressions;

namespace Custos.Schema.Validation.Keywords;

internal sealed class PatternKeyword(string location, string pattern, Regex regex) : KeywordEvaluator("pattern", location)
{
    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        if (instance.ValueKind != JsonValueKind.String)
        {
            return;
        }

        try
        {
            if (regex.IsMatch(instance.GetString()!))
            {
                return;
            }

            result.AddError(Error(instancePath, $"does not match pattern {GoText.Quote(pattern)}", new() { ["pattern"] = pattern }));
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological pattern/input pair must not tie up the request: the value is rejected instead.
            result.AddError(Error(instancePath, $"matching pattern {GoText.Quote(pattern)} timed out", new()
            {
                ["pattern"] = pattern,
                ["timed_out"] = true,
            }));
        }
    }
}
