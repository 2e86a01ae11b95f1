using System.Text.Json;

namespace Custos.Schema.Validation.Keywords;

/// <summary><c>minLength</c>/<c>maxLength</c>, counted in Unicode code points.</summary>
internal sealed class StringLengthKeyword(string keyword, string location, long limit) : KeywordEvaluator(keyword, location)
{
    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        if (instance.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var length = JsonValues.CodePointLength(instance.GetString()!);
        var isMin = Keyword == "minLength";
        if (isMin ? length >= limit : length <= limit)
        {
            return;
        }

        result.AddError(Error(instancePath, $"length must be {(isMin ? ">=" : "<=")} {limit}, but got {length}", new()
        {
            [isMin ? "min_length" : "max_length"] = limit,
            ["actual_length"] = length,
        }));
    }
}
