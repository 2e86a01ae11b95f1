using System.Text.Json;

namespace Custos.Schema.Validation.Keywords;

/// <summary><c>minItems</c>, <c>maxItems</c>, <c>minProperties</c> and <c>maxProperties</c>.</summary>
internal sealed class CountKeyword(string keyword, string location, long limit) : KeywordEvaluator(keyword, location)
{
    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        var isItems = Keyword is "minItems" or "maxItems";
        var expectedKind = isItems ? JsonValueKind.Array : JsonValueKind.Object;
        if (instance.ValueKind != expectedKind)
        {
            return;
        }

        var count = isItems ? instance.GetArrayLength() : instance.EnumerateObject().Count();
        var isMin = Keyword.StartsWith("min", StringComparison.Ordinal);
        if (isMin ? count >= limit : count <= limit)
        {
            return;
        }

        var noun = isItems ? "items" : "properties";
        var bound = isMin ? "minimum" : "maximum";
        result.AddError(Error(instancePath, $"{bound} {limit} {noun} allowed, but found {count} {noun}", new()
        {
            [$"{(isMin ? "min" : "max")}_{noun}"] = limit,
            [$"actual_{noun}"] = count,
        }));
    }
}
