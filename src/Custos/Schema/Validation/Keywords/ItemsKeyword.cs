using System.Text.Json;

namespace Custos.Schema.Validation.Keywords;

/// <summary>
/// One schema applied to every item from <c>startIndex</c> on: draft-07 <c>items</c> (schema form) and
/// <c>additionalItems</c>, 2020-12 <c>items</c> after <c>prefixItems</c>, and <c>unevaluatedItems</c>.
/// </summary>
internal sealed class ItemsKeyword(string keyword, string location, SchemaNode schema, int startIndex, bool onlyUnevaluated = false)
    : KeywordEvaluator(keyword, location)
{
    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var length = instance.GetArrayLength();
        if (length <= startIndex)
        {
            return;
        }

        var pending = new List<int>();
        for (var i = startIndex; i < length; i++)
        {
            if (!onlyUnevaluated || !result.IsItemEvaluated(i))
            {
                pending.Add(i);
            }
        }

        if (schema.IsFalse && pending.Count > 0)
        {
            result.AddError(onlyUnevaluated
                ? Error(instancePath, $"unevaluatedItems at index {string.Join(", ", pending)} not allowed", new() { ["indexes"] = pending.ToArray() })
                : Error(instancePath, $"only {startIndex} items are allowed, but found {length} items", new()
                {
                    ["max_items"] = startIndex,
                    ["actual_items"] = length,
                }));
        }
        else
        {
            foreach (var i in pending)
            {
                result.MergeNested(context.Evaluate(schema, instance[i], JsonPointer.Append(instancePath, i)));
            }
        }

        result.MarkAllItemsEvaluated();
    }
}
