using System.Text.Json;

namespace Custos.Schema.Validation.Keywords;

/// <summary>
/// <c>required</c>. Kratos attaches "Property x is missing." to the missing property's own field, so each missing
/// property yields one error located at the pointer the property would have.
/// </summary>
internal sealed class RequiredKeyword(string location, IReadOnlyList<string> names) : KeywordEvaluator("required", location)
{
    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var name in names)
        {
            if (!instance.TryGetProperty(name, out _))
            {
                result.AddError(Error(JsonPointer.Append(instancePath, name), $"missing properties: {GoText.Quote(name)}", new()
                {
                    ["property"] = name,
                    ["missing_properties"] = new[] { name },
                }));
            }
        }
    }
}
