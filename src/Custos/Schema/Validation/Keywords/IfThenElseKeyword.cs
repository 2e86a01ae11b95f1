using System.Text.Json;

namespace Custos.Schema.Validation.Keywords;

internal sealed class IfThenElseKeyword(string location, SchemaNode condition, SchemaNode? then, SchemaNode? otherwise)
    : KeywordEvaluator("if", location)
{
    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        var test = context.Evaluate(condition, instance, instancePath);
        if (test.IsValid)
        {
            result.MergeSameLocation(test);
            if (then is not null)
            {
                result.MergeSameLocation(context.Evaluate(then, instance, instancePath));
            }
        }
        else if (otherwise is not null)
        {
            result.MergeSameLocation(context.Evaluate(otherwise, instance, instancePath));
        }
    }
}
