using Xunit.Abstractions;

namespace Custos.UnitTests.Schema;

/// <summary>
/// Runs every case of the required (non-optional) JSON-Schema-Test-Suite files for draft-07 and 2020-12. Files for the
/// keywords identity schemas use must pass completely (minus the listed exclusions); the others report their pass rate.
/// </summary>
public sealed class JsonSchemaTestSuiteTests(ITestOutputHelper output)
{
    /// <summary>Files whose keywords Kratos identity schemas use; any failing case fails the build.</summary>
    private static readonly HashSet<string> StrictFiles = new(StringComparer.Ordinal)
    {
        "type.json", "properties.json", "required.json", "additionalProperties.json", "enum.json", "const.json",
        "minLength.json", "maxLength.json", "pattern.json", "format.json", "minimum.json", "maximum.json", "items.json",
        "ref.json", "allOf.json", "anyOf.json", "oneOf.json", "not.json", "boolean_schema.json", "default.json",
        "definitions.json", "defs.json",
    };

    /// <summary>Strict-file cases that are knowingly not supported, keyed by "draft/file", with the reason.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> Exclusions = new(StringComparer.Ordinal);

    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        var root = JsonSchemaTestSuite.Root;

        foreach (var draft in JsonSchemaTestSuite.Drafts)
        {
            foreach (var file in JsonSchemaTestSuite.RequiredFiles(root, draft))
            {
                data.Add(draft, file);
            }
        }

        return data;
    }

    [Fact]
    public void Suite_is_present()
    {
        var root = JsonSchemaTestSuite.Root;

        Assert.True(Directory.Exists(Path.Combine(root, "remotes")), $"'{root}' has no remotes/ folder.");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Suite_file_passes(string draft, string file)
    {
        var root = JsonSchemaTestSuite.Root;

        var results = JsonSchemaTestSuite.RunFile(root, draft, file);

        var excluded = Exclusions.GetValueOrDefault($"{draft}/{file}") ?? [];
        var failures = results.Where(r => !r.Passed).ToList();
        output.WriteLine($"{draft}/{file}: {results.Count - failures.Count}/{results.Count} passed");
        foreach (var failure in failures)
        {
            var reason = excluded.TryGetValue(failure.Name, out var why) ? $" [excluded: {why}]" : string.Empty;
            output.WriteLine($"  FAIL {failure.Name}: {failure.Failure}{reason}");
        }

        if (StrictFiles.Contains(file))
        {
            var unexpected = failures.Where(f => !excluded.ContainsKey(f.Name)).Select(f => $"{f.Name}: {f.Failure}").ToList();
            Assert.True(unexpected.Count == 0, $"{draft}/{file}: {unexpected.Count} failing case(s):\n" + string.Join("\n", unexpected));
        }
    }

    [Fact]
    public void Suite_pass_counts_per_draft()
    {
        var root = JsonSchemaTestSuite.Root;

        foreach (var draft in JsonSchemaTestSuite.Drafts)
        {
            var passed = 0;
            var total = 0;
            foreach (var file in JsonSchemaTestSuite.RequiredFiles(root, draft))
            {
                var results = JsonSchemaTestSuite.RunFile(root, draft, file);
                var filePassed = results.Count(r => r.Passed);
                output.WriteLine($"{draft}/{file}: {filePassed}/{results.Count}");
                passed += filePassed;
                total += results.Count;
            }

            output.WriteLine($"{draft} TOTAL: {passed}/{total} passed");
            Assert.True(total > 0, $"{draft}: the suite folder holds no test cases.");
        }
    }

    /// <summary>
    /// Informational: the optional/ files (format assertions, ECMA-262 regex details, big numbers). Formats are asserted
    /// here for both drafts because these files assume format assertion.
    /// </summary>
    [Fact]
    public void Optional_suite_pass_rates_are_reported()
    {
        var root = JsonSchemaTestSuite.Root;

        var total = 0;
        foreach (var draft in JsonSchemaTestSuite.Drafts)
        {
            var draftDirectory = Path.Combine(root, "tests", draft);
            foreach (var path in Directory.GetFiles(Path.Combine(draftDirectory, "optional"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var file = Path.GetRelativePath(draftDirectory, path);
                var results = JsonSchemaTestSuite.RunFile(root, draft, file, assertFormat: true);
                output.WriteLine($"{draft}/{file}: {results.Count(r => r.Passed)}/{results.Count}");
                total += results.Count;
            }
        }

        Assert.True(total > 0, "The suite holds no optional test cases.");
    }
}
