using System.Text.Json;

namespace Custos.Schema.Validation.Keywords;

internal sealed class FormatKeyword(string location, string format) : KeywordEvaluator("format", location)
{
    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        if (instance.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var value = instance.GetString()!;
        if (SchemaFormats.IsValid(format, value, context.Options.RegexTimeout))
        {
            return;
        }

        result.AddError(Error(instancePath, $"{GoText.Quote(value)} is not valid {GoText.Quote(format)}", new()
        {
            ["format"] = format,
            ["value"] = value,
        }));
    }
}
