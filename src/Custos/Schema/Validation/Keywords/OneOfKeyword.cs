using System.Text.Json;

namespace Custos.Schema.Validation.Keywords;

internal sealed class OneOfKeyword(string location, IReadOnlyList<SchemaNode> schemas) : KeywordEvaluator("oneOf", location)
{
    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        var results = schemas.Select(schema => context.Evaluate(schema, instance, instancePath)).ToList();
        var passing = Enumerable.Range(0, results.Count).Where(i => results[i].IsValid).ToList();
        switch (passing.Count)
        {
            case 1:
                result.MergeSameLocation(results[passing[0]]);
                break;
            case 0:
                results.ForEach(result.MergeErrors);
                break;
            default:
                result.AddError(Error(instancePath, $"valid against schemas at indexes {passing[0]} and {passing[1]}", new()
                {
                    ["passing_indexes"] = passing.ToArray(),
                }));
                break;
        }
    }
}
