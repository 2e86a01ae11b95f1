using System.Text.Json;
using System.Text.RegularExpressions;

namespace Custos.Schema.Validation.Keywords;

/// <summary>
/// <c>additionalProperties</c> (properties not named by sibling <c>properties</c> nor matched by <c>patternProperties</c>)
/// and <c>unevaluatedProperties</c> (properties no adjacent keyword or applied subschema evaluated).
/// With a <c>false</c> schema all offending names go into one error on the object, as Kratos reports them.
/// </summary>
internal sealed class AdditionalPropertiesKeyword(
    string keyword,
    string location,
    SchemaNode schema,
    IReadOnlySet<string>? knownNames,
    IReadOnlyList<Regex>? knownPatterns) : KeywordEvaluator(keyword, location)
{
    private bool Unevaluated => knownNames is null;

    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        List<string>? rejected = null;
        var additional = new List<JsonProperty>();
        foreach (var property in instance.EnumerateObject())
        {
            if (!IsCovered(property.Name, result))
            {
                additional.Add(property);
            }
        }

        foreach (var property in additional)
        {
            result.MarkPropertyEvaluated(property.Name);
            if (schema.IsFalse)
            {
                (rejected ??= []).Add(property.Name);
                continue;
            }

            result.MergeNested(context.Evaluate(schema, property.Value, JsonPointer.Append(instancePath, property.Name)));
        }

        if (rejected is not null)
        {
            result.AddError(Error(instancePath, $"{Keyword} {string.Join(", ", rejected.Select(GoText.Quote))} not allowed", new()
            {
                ["properties"] = rejected.ToArray(),
            }));
        }
    }

    private bool IsCovered(string name, EvaluationResult result)
    {
        if (Unevaluated)
        {
            return result.IsPropertyEvaluated(name);
        }

        if (knownNames!.Contains(name))
        {
            return true;
        }

        foreach (var regex in knownPatterns!)
        {
            // A timed-out pattern counts as matching; patternProperties itself reports the timeout.
            if (!RegexMatcher.TryMatch(regex, name, out var matched) || matched)
            {
                return true;
            }
        }

        return false;
    }
}
