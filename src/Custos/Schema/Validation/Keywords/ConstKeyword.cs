using System.Text.Json;

namespace Custos.Schema.Validation.Keywords;

internal sealed class ConstKeyword(string location, JsonElement value) : KeywordEvaluator("const", location)
{
    /// <summary>Kratos's message for a structured constant carries no value.</summary>
    public const string StructuredMessage = "const failed";

    // Kratos prints a scalar constant with Go's %#v of its decoded value; numbers decode as json.Number, a string type.
    private readonly string? _expected = value.ValueKind switch
    {
        JsonValueKind.String => GoText.Quote(value.GetString()!),
        JsonValueKind.Number => GoText.Quote(value.GetRawText()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "<nil>",
        _ => null,
    };

    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        if (JsonValues.DeepEquals(instance, value))
        {
            return;
        }

        result.AddError(Error(instancePath, _expected is null ? StructuredMessage : "value must be " + _expected, new()
        {
            ["expected"] = _expected ?? value.GetRawText(),
            ["actual"] = instance.GetRawText(),
        }));
    }
}
