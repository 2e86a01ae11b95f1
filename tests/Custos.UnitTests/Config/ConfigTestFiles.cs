using Custos.Config;

namespace Custos.UnitTests.Config;

/// <summary>Temp config files for loader tests, deleted on dispose, plus the vendored quickstart configs.</summary>
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

    public static string Quickstart(string name) => Path.Combine(TestFixtures.Quickstart(name), "kratos.yml");

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
