using System.Text.Json;

namespace Custos.Schema.Validation.Keywords;

internal sealed class AllOfKeyword(string location, IReadOnlyList<SchemaNode> schemas) : KeywordEvaluator("allOf", location)
{
    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        foreach (var schema in schemas)
        {
            result.MergeSameLocation(context.Evaluate(schema, instance, instancePath));
        }
    }
}
