using System.Text.Json;

namespace Custos.Schema.Validation.Keywords;

internal sealed class EnumKeyword(string location, IReadOnlyList<JsonElement> values) : KeywordEvaluator("enum", location)
{
    private readonly string[] _allowed = values.Select(v => v.GetRawText()).ToArray();

    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        foreach (var value in values)
        {
            if (JsonValues.DeepEquals(instance, value))
            {
                return;
            }
        }

        result.AddError(Error(instancePath, "value must be one of " + string.Join(", ", _allowed), new()
        {
            ["allowed_values"] = _allowed,
            ["actual"] = instance.GetRawText(),
        }));
    }
}
