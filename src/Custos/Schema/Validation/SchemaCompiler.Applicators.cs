using System.Text.Json;
using System.Text.RegularExpressions;
using Custos.Schema.Validation.Keywords;

namespace Custos.Schema.Validation;

internal sealed partial class SchemaCompiler
{
    private void AddApplicators(List<KeywordEvaluator> keywords, JsonElement element, Scope scope)
    {
        if (element.TryGetProperty("allOf", out var allOf))
        {
            keywords.Add(new AllOfKeyword(Location(scope, "allOf"), SubArray(allOf, scope, "allOf")));
        }

        if (element.TryGetProperty("anyOf", out var anyOf))
        {
            keywords.Add(new AnyOfKeyword(Location(scope, "anyOf"), SubArray(anyOf, scope, "anyOf")));
        }

        if (element.TryGetProperty("oneOf", out var oneOf))
        {
            keywords.Add(new OneOfKeyword(Location(scope, "oneOf"), SubArray(oneOf, scope, "oneOf")));
        }

        if (element.TryGetProperty("not", out var not))
        {
            keywords.Add(new NotKeyword(Location(scope, "not"), Sub(not, scope, "not")));
        }

        SchemaNode? Optional(string keyword) => element.TryGetProperty(keyword, out var value) ? Sub(value, scope, keyword) : null;
        var then = Optional("then");
        var otherwise = Optional("else");
        if (element.TryGetProperty("if", out var condition))
        {
            keywords.Add(new IfThenElseKeyword(Location(scope, "if"), Sub(condition, scope, "if"), then, otherwise));
        }
    }

    private void AddObjectApplicators(List<KeywordEvaluator> keywords, JsonElement element, Scope scope)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (element.TryGetProperty("properties", out var properties))
        {
            var compiled = ReadObject(properties, scope, "properties")
                .Select(p => (p.Name, Sub(p.Value, scope, "properties", p.Name))).ToArray();
            names.UnionWith(compiled.Select(p => p.Name));
            keywords.Add(new PropertiesKeyword(Location(scope, "properties"), compiled));
        }

        var patterns = new List<Regex>();
        if (element.TryGetProperty("patternProperties", out var patternProperties))
        {
            var compiled = ReadObject(patternProperties, scope, "patternProperties")
                .Select(p => (p.Name, CompileRegex(p.Name, scope, "patternProperties"), Sub(p.Value, scope, "patternProperties", p.Name)))
                .ToArray();
            patterns.AddRange(compiled.Select(p => p.Item2));
            keywords.Add(new PatternPropertiesKeyword(Location(scope, "patternProperties"), compiled));
        }

        if (element.TryGetProperty("additionalProperties", out var additional))
        {
            keywords.Add(new AdditionalPropertiesKeyword("additionalProperties", Location(scope, "additionalProperties"),
                Sub(additional, scope, "additionalProperties"), names, patterns));
        }

        if (element.TryGetProperty("propertyNames", out var propertyNames))
        {
            keywords.Add(new PropertyNamesKeyword(Location(scope, "propertyNames"), Sub(propertyNames, scope, "propertyNames")));
        }

        if (element.TryGetProperty("dependentSchemas", out var dependentSchemas))
        {
            var compiled = ReadObject(dependentSchemas, scope, "dependentSchemas")
                .Select(p => (p.Name, Sub(p.Value, scope, "dependentSchemas", p.Name))).ToArray();
            keywords.Add(new DependentSchemasKeyword("dependentSchemas", Location(scope, "dependentSchemas"), compiled));
        }

        if (element.TryGetProperty("dependencies", out var dependencies))
        {
            // Draft-07 "dependencies" mixes property lists (dependentRequired) and schemas (dependentSchemas).
            var entries = ReadObject(dependencies, scope, "dependencies").ToArray();
            var lists = entries.Where(p => p.Value.ValueKind == JsonValueKind.Array)
                .Select(p => (p.Name, ReadStrings(p.Value, scope, "dependencies"))).ToArray();
            var schemas = entries.Where(p => p.Value.ValueKind != JsonValueKind.Array)
                .Select(p => (p.Name, Sub(p.Value, scope, "dependencies", p.Name))).ToArray();
            keywords.Add(new DependentRequiredKeyword("dependencies", Location(scope, "dependencies"), lists));
            keywords.Add(new DependentSchemasKeyword("dependencies", Location(scope, "dependencies"), schemas));
        }
    }

    private void AddArrayApplicators(List<KeywordEvaluator> keywords, JsonElement element, Scope scope)
    {
        var prefixCount = 0;
        if (scope.Resource.Dialect.Draft == SchemaDraft.Draft202012 && element.TryGetProperty("prefixItems", out var prefixItems))
        {
            var schemas = SubArray(prefixItems, scope, "prefixItems");
            prefixCount = schemas.Count;
            keywords.Add(new PrefixItemsKeyword("prefixItems", Location(scope, "prefixItems"), schemas));
        }

        if (element.TryGetProperty("items", out var items))
        {
            if (items.ValueKind == JsonValueKind.Array)
            {
                var schemas = SubArray(items, scope, "items");
                keywords.Add(new PrefixItemsKeyword("items", Location(scope, "items"), schemas));
                if (scope.Resource.Dialect.Draft == SchemaDraft.Draft7 && element.TryGetProperty("additionalItems", out var additionalItems))
                {
                    keywords.Add(new ItemsKeyword("additionalItems", Location(scope, "additionalItems"),
                        Sub(additionalItems, scope, "additionalItems"), schemas.Count));
                }
            }
            else
            {
                keywords.Add(new ItemsKeyword("items", Location(scope, "items"), Sub(items, scope, "items"), prefixCount));
            }
        }

        if (element.TryGetProperty("contains", out var contains))
        {
            long minContains = 1;
            long? maxContains = null;
            if (scope.Resource.Dialect.Draft == SchemaDraft.Draft202012)
            {
                if (element.TryGetProperty("minContains", out var min))
                {
                    minContains = ReadCount(min, scope, "minContains");
                }

                if (element.TryGetProperty("maxContains", out var max))
                {
                    maxContains = ReadCount(max, scope, "maxContains");
                }
            }

            keywords.Add(new ContainsKeyword(Location(scope, "contains"), Sub(contains, scope, "contains"), minContains, maxContains));
        }
    }

    private List<SchemaNode> SubArray(JsonElement value, Scope scope, string keyword)
    {
        var nodes = new List<SchemaNode>();
        var index = 0;
        foreach (var item in ReadArray(value, scope, keyword))
        {
            nodes.Add(Sub(item, scope, keyword, index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            index++;
        }

        return nodes;
    }
}
