using System.Text.Json;
using Custos.Schema.Validation;

namespace Custos.Schema.Stored;

/// <summary>
/// Checks a schema offered to <c>PUT /admin/identity-schemas/{id}</c> the way Kratos checks configured ones against its
/// identity meta-schema: a valid draft-07 schema document whose root <c>properties.traits</c> is an object schema with at
/// least one property, each trait a schema object, every <c>ory.sh/kratos</c> extension (at any depth) well formed, and a
/// trait marked for verification declaring a format the verifier understands. The rules are written out here rather
/// than as a second meta-schema document so each refusal can name the offending place in plain words.
/// </summary>
internal sealed class IdentitySchemaCheck
{
    private const string Extension = "ory.sh/kratos";
    private static readonly string[] VerificationFormats = ["email", "tel", "date", "time", "date-time", "no-validate", "noformat"];

    private readonly Lazy<JsonSchema> _draft7 = new(() =>
    {
        using var reference = JsonDocument.Parse("""{"$ref":"http://json-schema.org/draft-07/schema#"}""");
        return JsonSchema.Load(reference.RootElement);
    });

    /// <summary>The reasons <paramref name="schema"/> is refused, first one first; empty when it is acceptable.</summary>
    public IReadOnlyList<string> Problems(JsonElement schema)
    {
        var problems = new List<string>();
        foreach (var error in _draft7.Value.Validate(schema).Errors.Take(5))
        {
            problems.Add($"{Where(error.InstanceLocation)} is not a valid JSON Schema: {error.Message}");
        }

        if (problems.Count == 0)
        {
            CheckTraits(schema, problems);
        }

        if (problems.Count == 0)
        {
            try
            {
                // No base URI and no resolver: a stored schema can only reference itself and the embedded meta-schemas,
                // never a file or a host.
                JsonSchema.Load(schema, baseUri: null, resolver: null, new SchemaLoadOptions { AssertFormat = true });
            }
            catch (SchemaLoadException e)
            {
                problems.Add("the schema cannot be compiled: " + e.Message);
            }
        }

        return problems;
    }

    private static void CheckTraits(JsonElement schema, List<string> problems)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            problems.Add("an identity schema must be a JSON object");
            return;
        }

        if (!schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object
            || !properties.TryGetProperty("traits", out var traits) || traits.ValueKind != JsonValueKind.Object)
        {
            problems.Add("#/properties/traits is missing: an identity schema describes its traits as properties.traits");
            return;
        }

        if (traits.TryGetProperty("type", out var type) && !(type.ValueKind == JsonValueKind.String && type.GetString() == "object"))
        {
            problems.Add("#/properties/traits/type must be \"object\"");
        }

        if (!traits.TryGetProperty("properties", out var traitProperties) || traitProperties.ValueKind != JsonValueKind.Object
            || !traitProperties.EnumerateObject().Any())
        {
            problems.Add("#/properties/traits/properties must declare at least one trait");
            return;
        }

        foreach (var trait in traitProperties.EnumerateObject())
        {
            var at = "#/properties/traits/properties/" + JsonPointer.Escape(trait.Name);
            if (trait.Value.ValueKind != JsonValueKind.Object)
            {
                problems.Add(at + " must be a schema object");
                continue;
            }

            CheckVerificationFormat(trait.Value, at, problems);
            IdentityExtensionCheck.Walk(trait.Value, at, problems);
        }
    }

    private static void CheckVerificationFormat(JsonElement trait, string at, List<string> problems)
    {
        if (trait.TryGetProperty(Extension, out var extension) && extension.ValueKind == JsonValueKind.Object
            && extension.TryGetProperty("verification", out _)
            && trait.TryGetProperty("format", out var format)
            && !(format.ValueKind == JsonValueKind.String && VerificationFormats.Contains(format.GetString())))
        {
            problems.Add($"{at}/format must be one of {string.Join(", ", VerificationFormats.Select(f => $"\"{f}\""))} for a trait used for verification");
        }
    }

    private static string Where(string instanceLocation) => instanceLocation.Length == 0 ? "the document" : "#" + instanceLocation;
}
