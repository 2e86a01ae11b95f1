using System.Text.Json;

namespace Custos.Schema.Validation.Keywords;

internal sealed class TypeKeyword(string location, IReadOnlyList<string> types) : KeywordEvaluator("type", location)
{
    public override bool StopsOnFailure => true;

    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        foreach (var type in types)
        {
            if (JsonValues.HasType(instance, type))
            {
                return;
            }
        }

        var expected = string.Join(" or ", types);
        var actual = JsonValues.TypeName(instance);
        result.AddError(Error(instancePath, $"expected {expected}, but got {actual}", new()
        {
            ["expected_type"] = expected,
            ["allowed_types"] = types.ToArray(),
            ["actual_type"] = actual,
        }));
    }
}
