using System.Text.Json;

namespace Custos.Schema.Validation.Keywords;

/// <summary><c>minimum</c>, <c>maximum</c>, <c>exclusiveMinimum</c> and <c>exclusiveMaximum</c> (number form).</summary>
internal sealed class NumberBoundKeyword(string keyword, string location, JsonElement bound) : KeywordEvaluator(keyword, location)
{
    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        if (instance.ValueKind != JsonValueKind.Number)
        {
            return;
        }

        var comparison = JsonValues.CompareNumbers(instance, bound);
        var (ok, op, name) = Keyword switch
        {
            "minimum" => (comparison >= 0, ">=", "minimum"),
            "exclusiveMinimum" => (comparison > 0, ">", "minimum"),
            "maximum" => (comparison <= 0, "<=", "maximum"),
            _ => (comparison < 0, "<", "maximum"),
        };
        if (ok)
        {
            return;
        }

        var limit = JsonValues.ToDouble(bound);
        var actual = JsonValues.ToDouble(instance);
        result.AddError(Error(instancePath, $"must be {op} {GoText.Float(limit)} but found {GoText.Float(actual)}", new()
        {
            [name] = limit,
            ["actual"] = actual,
        }));
    }
}
