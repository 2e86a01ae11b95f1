using Custos.Config;

namespace Custos.UnitTests.Config;

public sealed class ConfigMergeTests
{
    [Fact]
    public void Load_TwoFiles_LaterWinsAndMapsMergeDeeply()
    {
        using var files = new ConfigTestFiles();
        var first = files.Write("a.yml", ConfigTestFiles.MinimalYaml + """

            serve:
              public:
                port: 5000
                host: 10.0.0.1
                cors:
                  allowed_origins: [http://a, http://b]
            log:
              level: debug
            """);
        var second = files.Write("b.yml", """
            serve:
              public:
                port: 6000
                cors:
                  allowed_origins: [http://c]
            """);

        var options = CustosConfiguration.Load([first, second], ConfigTestFiles.NoEnvironment, dev: false).Options;

        Assert.Equal(6000, options.Serve.Public.Port);
        Assert.Equal("10.0.0.1", options.Serve.Public.Host);
        Assert.Equal(["http://c"], options.Serve.Public.Cors.AllowedOrigins);
        Assert.Equal(LogLevelSetting.Debug, options.Log.Level);
        Assert.Equal("memory", options.Dsn);
    }

    [Fact]
    public void Load_JsonFile_IsParsedAsJson()
    {
        using var files = new ConfigTestFiles();
        var path = files.Write("kratos.json", """
            {
              "dsn": "memory",
              "identity": { "schemas": [ { "id": "default", "url": "file:///schema.json" } ] },
              "selfservice": { "default_browser_return_url": "http://localhost/" },
              "serve": { "admin": { "port": 9000 } },
              "session": { "lifespan": "72h" }, // comments are tolerated
            }
            """);

        var options = CustosConfiguration.Load([path], ConfigTestFiles.NoEnvironment, dev: false).Options;

        Assert.Equal(9000, options.Serve.Admin.Port);
        Assert.Equal(TimeSpan.FromHours(72), options.Session.Lifespan);
    }

    [Fact]
    public void Load_YamlAndJsonFiles_Merge()
    {
        using var files = new ConfigTestFiles();
        var yaml = files.Write("kratos.yml", ConfigTestFiles.MinimalYaml);
        var json = files.Write("override.json", """{ "hashers": { "algorithm": "argon2", "argon2": { "memory": "64MB" } } }""");

        var options = CustosConfiguration.Load([yaml, json], ConfigTestFiles.NoEnvironment, dev: false).Options;

        Assert.Equal(PasswordHashAlgorithm.Argon2, options.Hashers.Algorithm);
        Assert.Equal(64L * 1024 * 1024, options.Hashers.Argon2.Memory.Bytes);
        Assert.Equal(1, options.Hashers.Argon2.Iterations);
    }

    [Fact]
    public void Load_YamlAnchorsAndMergeKeys_AreResolved()
    {
        var options = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml + """

            serve:
              public: &listener
                host: 127.0.0.2
                port: 7000
              admin:
                <<: *listener
                port: 7001
            """).Options;

        Assert.Equal("127.0.0.2", options.Serve.Admin.Host);
        Assert.Equal(7001, options.Serve.Admin.Port);
        Assert.Equal(7000, options.Serve.Public.Port);
    }

    [Fact]
    public void Load_QuotedNumber_StaysAString()
    {
        var result = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml + """

            version: "1.0"
            revision: 1.0
            """);

        Assert.Equal("1.0", result.Options.Version);
        Assert.Equal("1.0", result.Options.Revision);
    }
}
