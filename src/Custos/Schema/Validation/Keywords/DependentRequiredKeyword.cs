using System.Text.Json;

namespace Custos.Schema.Validation.Keywords;

/// <summary><c>dependentRequired</c>, and the array form of draft-07 <c>dependencies</c>.</summary>
internal sealed class DependentRequiredKeyword(string keyword, string location, IReadOnlyList<(string Name, string[] Required)> dependencies)
    : KeywordEvaluator(keyword, location)
{
    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var (name, required) in dependencies)
        {
            if (!instance.TryGetProperty(name, out _))
            {
                continue;
            }

            foreach (var dependent in required)
            {
                if (!instance.TryGetProperty(dependent, out _))
                {
                    result.AddError(Error(instancePath, $"property {GoText.Quote(dependent)} is required, if {GoText.Quote(name)} property exists", new()
                    {
                        ["property"] = dependent,
                        ["dependent_of"] = name,
                    }));
                }
            }
        }
    }
}
