using System.Text.Json;

namespace Custos.Schema.Validation.Keywords;

internal sealed class PropertyNamesKeyword(string location, SchemaNode schema) : KeywordEvaluator("propertyNames", location)
{
    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in instance.EnumerateObject())
        {
            var name = JsonSerializer.SerializeToElement(property.Name);
            var child = context.Evaluate(schema, name, JsonPointer.Append(instancePath, property.Name));
            result.MergeErrors(child);
        }
    }
}
