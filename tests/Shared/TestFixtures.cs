namespace Custos.Tests.Shared;

/// <summary>
/// Finds <c>tests/fixtures</c> in this repository (walking up from the test binaries to the folder holding
/// <c>Custos.slnx</c>). Upstream data the tests need is vendored there, so a clone alone runs every test.
/// </summary>
public static class TestFixtures
{
    /// <summary>The repository root: the folder holding <c>Custos.slnx</c>.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary><c>tests/fixtures</c>.</summary>
    public static string Root => Path.Combine(RepositoryRoot, "tests", "fixtures");

    /// <summary>A folder of Kratos's quickstart (<c>tests/fixtures/kratos-quickstart/NAME</c>).</summary>
    public static string Quickstart(string name) => Path.Combine(Root, "kratos-quickstart", name);

    /// <summary>The vendored JSON-Schema-Test-Suite (<c>tests/</c> and <c>remotes/</c>).</summary>
    public static string JsonSchemaTestSuite => Path.Combine(Root, "json-schema-test-suite");

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Custos.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Custos.slnx was not found above " + AppContext.BaseDirectory);
    }
}
