using System.Text.Json;

namespace Custos.Schema.Validation.Keywords;

internal sealed class MultipleOfKeyword(string location, JsonElement divisor) : KeywordEvaluator("multipleOf", location)
{
    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        if (instance.ValueKind != JsonValueKind.Number || IsMultiple(instance))
        {
            return;
        }

        var @base = JsonValues.ToDouble(divisor);
        var actual = JsonValues.ToDouble(instance);
        result.AddError(Error(instancePath, $"{GoText.Float(actual)} not multipleOf {GoText.Float(@base)}", new()
        {
            ["base"] = @base,
            ["actual"] = actual,
        }));
    }

    private bool IsMultiple(JsonElement instance)
    {
        if (instance.TryGetDecimal(out var value) && divisor.TryGetDecimal(out var d))
        {
            try
            {
                return value % d == 0m;
            }
            catch (OverflowException)
            {
                // Fall through to double arithmetic.
            }
        }

        var x = JsonValues.ToDouble(instance);
        var m = JsonValues.ToDouble(divisor);
        if (double.IsInfinity(x))
        {
            return false;
        }

        var quotient = x / m;
        return double.IsInfinity(quotient) ? x % m == 0 : Math.Abs(quotient - Math.Round(quotient)) < 1e-9;
    }
}
