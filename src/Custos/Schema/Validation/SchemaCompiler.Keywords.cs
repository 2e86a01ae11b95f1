using System.Text.Json;
using System.Text.RegularExpressions;
using Custos.Schema.Validation.Keywords;

namespace Custos.Schema.Validation;

internal sealed partial class SchemaCompiler
{
    private static readonly string[] TypeNames = ["null", "boolean", "object", "array", "number", "string", "integer"];

    private List<KeywordEvaluator> BuildKeywords(SchemaNode node, Scope scope)
    {
        var keywords = new List<KeywordEvaluator>();
        var element = node.Element;
        var dialect = node.Dialect;
        AddReference(keywords, node, scope, "$ref");
        if (node.HidesSiblings)
        {
            return keywords;
        }

        if (dialect.Draft == SchemaDraft.Draft202012)
        {
            AddReference(keywords, node, scope, "$dynamicRef");
        }

        RegisterDefinitions(element, scope, "definitions");
        RegisterDefinitions(element, scope, "$defs");
        if (dialect.Validation)
        {
            AddValidationKeywords(keywords, element, scope);
        }

        if (element.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String
            && (registry.Options.AssertFormat ?? dialect.AssertFormat ?? dialect.Draft == SchemaDraft.Draft7))
        {
            keywords.Add(new FormatKeyword(Location(scope, "format"), format.GetString()!));
        }

        if (dialect.Applicator)
        {
            AddApplicators(keywords, element, scope);
            AddObjectApplicators(keywords, element, scope);
            AddArrayApplicators(keywords, element, scope);
        }

        if (dialect.Draft == SchemaDraft.Draft202012 && dialect.Unevaluated)
        {
            // Unevaluated keywords look at what every other keyword of this schema evaluated, so they run last.
            if (element.TryGetProperty("unevaluatedItems", out var items))
            {
                keywords.Add(new ItemsKeyword("unevaluatedItems", Location(scope, "unevaluatedItems"), Sub(items, scope, "unevaluatedItems"), 0, onlyUnevaluated: true));
            }

            if (element.TryGetProperty("unevaluatedProperties", out var properties))
            {
                keywords.Add(new AdditionalPropertiesKeyword("unevaluatedProperties", Location(scope, "unevaluatedProperties"),
                    Sub(properties, scope, "unevaluatedProperties"), null, null));
            }
        }

        return keywords;
    }

    private void AddReference(List<KeywordEvaluator> keywords, SchemaNode node, Scope scope, string keyword)
    {
        if (!node.Element.TryGetProperty(keyword, out var value))
        {
            return;
        }

        var reference = ReadString(value, scope.Pointer, keyword);
        var (document, fragment) = SchemaUri.Resolve(scope.Resource.BaseUri, reference);
        var target = SchemaUri.Key(document) + (fragment.Length > 0 ? "#" + fragment : string.Empty);
        var evaluator = new RefKeyword(keyword, Location(scope, keyword), reference, target);
        registry.AddUnbound(evaluator, node.Dialect);
        keywords.Add(evaluator);
    }

    // Definitions are compiled up front so that the $id and anchors inside them are known before references bind.
    private void RegisterDefinitions(JsonElement element, Scope scope, string keyword)
    {
        if (element.TryGetProperty(keyword, out var definitions) && definitions.ValueKind == JsonValueKind.Object)
        {
            foreach (var definition in definitions.EnumerateObject())
            {
                Sub(definition.Value, scope, keyword, definition.Name);
            }
        }
    }

    private void AddValidationKeywords(List<KeywordEvaluator> keywords, JsonElement element, Scope scope)
    {
        if (element.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array
                ? type.EnumerateArray().Select(t => ReadString(t, scope.Pointer, "type")).ToArray()
                : [ReadString(type, scope.Pointer, "type")];
            if (types.Any(t => !TypeNames.Contains(t)))
            {
                throw Invalid(scope.Pointer, $"unknown type in {type.GetRawText()}");
            }

            keywords.Insert(0, new TypeKeyword(Location(scope, "type"), types));
        }

        if (element.TryGetProperty("enum", out var @enum))
        {
            keywords.Add(new EnumKeyword(Location(scope, "enum"), ReadArray(@enum, scope, "enum").ToArray()));
        }

        if (element.TryGetProperty("const", out var @const))
        {
            keywords.Add(new ConstKeyword(Location(scope, "const"), @const));
        }

        foreach (var bound in new[] { "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" })
        {
            if (element.TryGetProperty(bound, out var value))
            {
                keywords.Add(new NumberBoundKeyword(bound, Location(scope, bound), ReadNumber(value, scope, bound)));
            }
        }

        if (element.TryGetProperty("multipleOf", out var multipleOf))
        {
            var divisor = ReadNumber(multipleOf, scope, "multipleOf");
            if (JsonValues.ToDouble(divisor) <= 0)
            {
                throw Invalid(scope.Pointer, "multipleOf must be greater than 0");
            }

            keywords.Add(new MultipleOfKeyword(Location(scope, "multipleOf"), divisor));
        }

        foreach (var name in new[] { "minLength", "maxLength" })
        {
            if (element.TryGetProperty(name, out var value))
            {
                keywords.Add(new StringLengthKeyword(name, Location(scope, name), ReadCount(value, scope, name)));
            }
        }

        if (element.TryGetProperty("pattern", out var pattern))
        {
            var source = ReadString(pattern, scope.Pointer, "pattern");
            keywords.Add(new PatternKeyword(Location(scope, "pattern"), source, CompileRegex(source, scope, "pattern")));
        }

        foreach (var name in new[] { "minItems", "maxItems", "minProperties", "maxProperties" })
        {
            if (element.TryGetProperty(name, out var value))
            {
                keywords.Add(new CountKeyword(name, Location(scope, name), ReadCount(value, scope, name)));
            }
        }

        if (element.TryGetProperty("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True)
        {
            keywords.Add(new UniqueItemsKeyword(Location(scope, "uniqueItems")));
        }

        if (element.TryGetProperty("required", out var required))
        {
            keywords.Add(new RequiredKeyword(Location(scope, "required"), ReadStrings(required, scope, "required")));
        }

        if (element.TryGetProperty("dependentRequired", out var dependentRequired))
        {
            var dependencies = ReadObject(dependentRequired, scope, "dependentRequired")
                .Select(p => (p.Name, ReadStrings(p.Value, scope, "dependentRequired"))).ToArray();
            keywords.Add(new DependentRequiredKeyword("dependentRequired", Location(scope, "dependentRequired"), dependencies));
        }
    }

    private Regex CompileRegex(string pattern, Scope scope, string keyword) =>
        EcmaRegex.TryCreate(pattern, registry.Options.RegexTimeout, out var regex)
            ? regex!
            : throw Invalid(scope.Pointer, $"{keyword} {GoText.Quote(pattern)} is not a valid regular expression");

    private SchemaNode Sub(JsonElement element, Scope scope, params string[] tokens)
    {
        var pointer = scope.Pointer;
        foreach (var token in tokens)
        {
            pointer = JsonPointer.Append(pointer, token);
        }

        return Compile(element, scope.DocumentKey, pointer, scope.Resource);
    }

    private static string Location(Scope scope, string keyword) => "#" + JsonPointer.Append(scope.Pointer, keyword);

    private static JsonElement ReadNumber(JsonElement value, Scope scope, string keyword) =>
        value.ValueKind == JsonValueKind.Number ? value : throw Invalid(scope.Pointer, $"{keyword} must be a number");

    private static long ReadCount(JsonElement value, Scope scope, string keyword)
    {
        if (value.ValueKind != JsonValueKind.Number || !JsonValues.IsInteger(value) || JsonValues.ToDouble(value) < 0)
        {
            throw Invalid(scope.Pointer, $"{keyword} must be a non-negative integer");
        }

        return value.TryGetDecimal(out var d) && d <= long.MaxValue ? (long)d : long.MaxValue;
    }

    private static JsonElement.ArrayEnumerator ReadArray(JsonElement value, Scope scope, string keyword) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : throw Invalid(scope.Pointer, $"{keyword} must be an array");

    private static JsonElement.ObjectEnumerator ReadObject(JsonElement value, Scope scope, string keyword) =>
        value.ValueKind == JsonValueKind.Object ? value.EnumerateObject() : throw Invalid(scope.Pointer, $"{keyword} must be an object");

    private static string[] ReadStrings(JsonElement value, Scope scope, string keyword) =>
        ReadArray(value, scope, keyword).Select(v => ReadString(v, scope.Pointer, keyword)).ToArray();
}
