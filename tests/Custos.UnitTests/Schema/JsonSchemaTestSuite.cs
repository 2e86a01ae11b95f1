using System.Text.Json;
using Custos.Schema.Validation;

namespace Custos.UnitTests.Schema;

/// <summary>Locates and runs the official JSON-Schema-Test-Suite vendored in <c>tests/fixtures/json-schema-test-suite</c>.</summary>
internal static class JsonSchemaTestSuite
{
    public static readonly string[] Drafts = ["draft7", "draft2020-12"];

    /// <summary>The vendored suite in <c>tests/fixtures/json-schema-test-suite</c>.</summary>
    public static string Root => TestFixtures.JsonSchemaTestSuite;

    /// <summary>The required (non-<c>optional/</c>) files of a draft, by file name.</summary>
    public static IReadOnlyList<string> RequiredFiles(string root, string draft) =>
        Directory.GetFiles(Path.Combine(root, "tests", draft), "*.json")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToList()!;

    public static IReadOnlyList<SuiteCaseResult> RunFile(string root, string draft, string file, bool? assertFormat = null)
    {
        var options = new SchemaLoadOptions
        {
            DefaultDraft = draft == "draft7" ? SchemaDraft.Draft7 : SchemaDraft.Draft202012,
            AssertFormat = assertFormat,
        };
        var resolver = new SuiteRemoteResolver(Path.Combine(root, "remotes"));
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "tests", draft, file)));
        var results = new List<SuiteCaseResult>();
        foreach (var group in document.RootElement.EnumerateArray())
        {
            var groupName = group.GetProperty("description").GetString()!;
            JsonSchema? schema = null;
            string? loadError = null;
            try
            {
                schema = JsonSchema.Load(group.GetProperty("schema"), null, resolver, options);
            }
            catch (SchemaLoadException e)
            {
                loadError = "load failed: " + e.Message;
            }

            foreach (var test in group.GetProperty("tests").EnumerateArray())
            {
                results.Add(RunCase(schema, loadError, groupName, test));
            }
        }

        return results;
    }

    private static SuiteCaseResult RunCase(JsonSchema? schema, string? loadError, string groupName, JsonElement test)
    {
        var testName = test.GetProperty("description").GetString()!;
        if (schema is null)
        {
            return new SuiteCaseResult(groupName, testName, false, loadError);
        }

        var expected = test.GetProperty("valid").GetBoolean();
        try
        {
            var result = schema.Validate(test.GetProperty("data"));
            return result.IsValid == expected
                ? new SuiteCaseResult(groupName, testName, true, null)
                : new SuiteCaseResult(groupName, testName, false,
                    $"expected valid={expected}; errors: {string.Join("; ", result.Errors.Select(e => $"{e.InstanceLocation} {e.Keyword}: {e.Message}"))}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new SuiteCaseResult(groupName, testName, false, $"threw {e.GetType().Name}: {e.Message}");
        }
    }
}
