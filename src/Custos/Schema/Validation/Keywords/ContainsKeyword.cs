using System.Text.Json;

namespace Custos.Schema.Validation.Keywords;

/// <summary><c>contains</c> with the 2020-12 <c>minContains</c>/<c>maxContains</c> bounds.</summary>
internal sealed class ContainsKeyword(string location, SchemaNode schema, long minContains, long? maxContains)
    : KeywordEvaluator("contains", location)
{
    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var matches = 0;
        var index = 0;
        var passing = new List<EvaluationResult>();
        foreach (var item in instance.EnumerateArray())
        {
            var child = context.Evaluate(schema, item, JsonPointer.Append(instancePath, index));
            if (child.IsValid)
            {
                matches++;
                result.MarkItemEvaluated(index);
                passing.Add(child);
            }

            index++;
        }

        if (matches < minContains)
        {
            result.AddError(Error(instancePath, minContains == 1
                ? "contains failed"
                : $"at least {minContains} items must match contains, but found {matches}", new()
            {
                ["min_contains"] = minContains,
                ["actual_matches"] = matches,
            }));
            return;
        }

        if (maxContains is { } max && matches > max)
        {
            result.AddError(Error(instancePath, $"at most {max} items may match contains, but found {matches}", new()
            {
                ["max_contains"] = max,
                ["actual_matches"] = matches,
            }));
            return;
        }

        foreach (var child in passing)
        {
            result.MergeNested(child);
        }
    }
}
