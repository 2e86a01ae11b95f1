using Custos.Config;

namespace Custos.UnitTests.Config;

/// <summary>Temp config files for loader tests, deleted on dispose, plus the shared quickstart location.</summary>
internal sealed class ConfigTestFiles : IDisposable
{
    public const string MinimalYaml = """
        dsn: memory
        identity:
          schemas:
            - id: default
              url: file:///etc/config/identity.schema.json
        selfservice:
          default_browser_return_url: http://localhost:4455/
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("custos-config-").FullName;

    public static IReadOnlyDictionary<string, string?> NoEnvironment { get; } = new Dictionary<string, string?>();

    /// <summary>/work/shared, found by walking up from the test binaries to the folder holding Custos.slnx.</summary>
    public static string SharedDirectory
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Custos.slnx")))
            {
                directory = directory.Parent;
            }

            return directory is null
                ? throw new InvalidOperationException("Custos.slnx not found above " + AppContext.BaseDirectory)
                : Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared"));
        }
    }

    public static string Quickstart(string name) => Path.Combine(SharedDirectory, "kratos", "quickstart", name, "kratos.yml");

    public string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public static ConfigurationLoadResult Load(string yaml, IReadOnlyDictionary<string, string?>? environment = null, bool dev = false)
    {
        using var files = new ConfigTestFiles();
        return CustosConfiguration.Load([files.Write("kratos.yml", yaml)], environment ?? NoEnvironment, dev);
    }

    public static ConfigurationException LoadFails(string yaml, IReadOnlyDictionary<string, string?>? environment = null, bool dev = false) =>
        Assert.Throws<ConfigurationException>(() => Load(yaml, environment, dev));

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
