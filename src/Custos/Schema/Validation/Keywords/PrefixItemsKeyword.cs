using System.Text.Json;

namespace Custos.Schema.Validation.Keywords;

/// <summary>Positional schemas: 2020-12 <c>prefixItems</c> and the array form of draft-07 <c>items</c>.</summary>
internal sealed class PrefixItemsKeyword(string keyword, string location, IReadOnlyList<SchemaNode> schemas) : KeywordEvaluator(keyword, location)
{
    public int Count => schemas.Count;

    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var count = Math.Min(schemas.Count, instance.GetArrayLength());
        for (var i = 0; i < count; i++)
        {
            result.MergeNested(context.Evaluate(schemas[i], instance[i], JsonPointer.Append(instancePath, i)));
        }

        result.MarkPrefixEvaluated(count);
    }
}
