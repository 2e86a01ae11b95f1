using System.Text.Json;

namespace Custos.Schema.Validation.Keywords;

internal sealed class UniqueItemsKeyword(string location) : KeywordEvaluator("uniqueItems", location)
{
    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var items = instance.EnumerateArray().ToArray();
        for (var i = 0; i < items.Length; i++)
        {
            for (var j = i + 1; j < items.Length; j++)
            {
                if (JsonValues.DeepEquals(items[i], items[j]))
                {
                    result.AddError(Error(instancePath, $"items at index {i} and {j} are equal", new()
                    {
                        ["index_a"] = i,
                        ["index_b"] = j,
                    }));
                    return;
                }
            }
        }
    }
}
