using System.Text.Json;

namespace Custos.Schema.Validation.Keywords;

internal sealed class PropertiesKeyword(string location, IReadOnlyList<(string Name, SchemaNode Schema)> properties)
    : KeywordEvaluator("properties", location)
{
    public IEnumerable<string> Names => properties.Select(p => p.Name);

    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var (name, schema) in properties)
        {
            if (instance.TryGetProperty(name, out var value))
            {
                result.MarkPropertyEvaluated(name);
                result.MergeNested(context.Evaluate(schema, value, JsonPointer.Append(instancePath, name)));
            }
        }
    }
}
