using System.Text.Json;

namespace Custos.Schema.Validation.Keywords;

internal sealed class NotKeyword(string location, SchemaNode schema) : KeywordEvaluator("not", location)
{
    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        if (context.Evaluate(schema, instance, instancePath).IsValid)
        {
            result.AddError(Error(instancePath, "not failed"));
        }
    }
}
