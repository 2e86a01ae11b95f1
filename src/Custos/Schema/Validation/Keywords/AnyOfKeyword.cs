using System.Text.Json;

namespace Custos.Schema.Validation.Keywords;

/// <summary>
/// <c>anyOf</c>. Every branch is evaluated so that annotations of all passing branches are kept. When none passes, the
/// branches' leaf errors are reported, as Kratos surfaces the causes rather than the "anyOf failed" wrapper.
/// </summary>
internal sealed class AnyOfKeyword(string location, IReadOnlyList<SchemaNode> schemas) : KeywordEvaluator("anyOf", location)
{
    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        var failures = new List<EvaluationResult>();
        var anyPassed = false;
        foreach (var schema in schemas)
        {
            var child = context.Evaluate(schema, instance, instancePath);
            if (child.IsValid)
            {
                anyPassed = true;
                result.MergeSameLocation(child);
            }
            else
            {
                failures.Add(child);
            }
        }

        if (!anyPassed)
        {
            failures.ForEach(result.MergeErrors);
        }
    }
}
