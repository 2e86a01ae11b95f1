namespace Custos.UnitTests.Repository;

/// <summary>
/// A clone of the repository alone must build and pass its tests: no source, test, script or build file may
/// reach outside the repository root (developers have reference data beside the checkout; users do not).
/// </summary>
public sealed class SelfContainedRepositoryTests
{
    private static readonly string[] SkippedFolders = [".git", "bin", "obj", "node_modules", "TestResults", "out", "docs"];
    private static readonly string[] CheckedExtensions = [".cs", ".csproj", ".props", ".targets", ".slnx", ".sh", ".mjs", ".js", ".json", ".yml", ".yaml", ""];

    [Fact]
    public void NoFileOutsideDocumentation_ReferencesTheFolderBesideTheRepository()
    {
        var outsideReference = "../" + "shared";

        var offenders = Files(TestFixtures.RepositoryRoot)
            .Where(path => File.ReadAllText(path).Contains(outsideReference, StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(TestFixtures.RepositoryRoot, path))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void EveryVendoredFixture_NamesItsSourceAndLicence()
    {
        var fixtures = Directory.GetDirectories(TestFixtures.Root);

        Assert.NotEmpty(fixtures);
        Assert.All(fixtures, folder =>
        {
            Assert.True(File.Exists(Path.Combine(folder, "LICENSE")), folder + " has no LICENSE");
            var readme = File.ReadAllText(Path.Combine(folder, "README.md"));
            Assert.Matches("https://github.com/[^/\\s]+/[^/\\s]+", readme);
            Assert.Matches("commit `[0-9a-f]{8,40}`", readme);
        });
    }

    private static IEnumerable<string> Files(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (CheckedExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase) && new FileInfo(file).Length < 2_000_000)
            {
                yield return file;
            }
        }

        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(sub);
            if (SkippedFolders.Contains(name, StringComparer.Ordinal) || (name == "fixtures" && Path.GetFileName(folder) == "tests"))
            {
                continue;
            }

            foreach (var file in Files(sub))
            {
                yield return file;
            }
        }
    }
}
