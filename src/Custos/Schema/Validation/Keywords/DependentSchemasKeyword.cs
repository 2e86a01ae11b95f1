using System.Text.Json;

namespace Custos.Schema.Validation.Keywords;

/// <summary><c>dependentSchemas</c>, and the schema form of draft-07 <c>dependencies</c>.</summary>
internal sealed class DependentSchemasKeyword(string keyword, string location, IReadOnlyList<(string Name, SchemaNode Schema)> dependencies)
    : KeywordEvaluator(keyword, location)
{
    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var (name, schema) in dependencies)
        {
            if (instance.TryGetProperty(name, out _))
            {
                result.MergeSameLocation(context.Evaluate(schema, instance, instancePath));
            }
        }
    }
}
