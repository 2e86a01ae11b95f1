using Custos.Config;

namespace Custos.UnitTests.Config;

public sealed class ConfigValidationTests
{
    [Fact]
    public void Load_UnknownTopLevelKey_Fails()
    {
        var error = ConfigTestFiles.LoadFails(ConfigTestFiles.MinimalYaml + "\nfooo: 1\n");

        Assert.Contains("config key \"fooo\" is not allowed (unknown top-level key)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownNestedKey_IsAWarning()
    {
        var result = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml + "\nserve:\n  public:\n    prot: 1\n");

        Assert.Contains("serve.public.prot: unknown config key, ignored", result.Warnings);
    }

    [Fact]
    public void Load_PortNotAnInteger_NamesPath()
    {
        var error = ConfigTestFiles.LoadFails(ConfigTestFiles.MinimalYaml + "\nserve:\n  public:\n    port: abc\n");

        Assert.Equal("serve.public.port: expected an integer, got \"abc\"", error.Message);
    }

    [Fact]
    public void Load_PortOutOfRange_Fails()
    {
        var error = ConfigTestFiles.LoadFails(ConfigTestFiles.MinimalYaml + "\nserve:\n  admin:\n    port: 70000\n");

        Assert.Contains("serve.admin.port: must be between 1 and 65535, got 70000", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hashers:\n  algorithm: md5", "hashers.algorithm: expected one of \"bcrypt\", \"argon2\", got \"md5\"")]
    [InlineData("log:\n  level: verbose", "log.level: expected one of \"trace\", \"debug\", \"info\", \"warning\", \"error\", \"fatal\", \"panic\", got \"verbose\"")]
    [InlineData("cookies:\n  same_site: lax", "cookies.same_site: expected one of \"Strict\", \"Lax\", \"None\", got \"lax\"")]
    [InlineData("selfservice:\n  flows:\n    recovery:\n      use: sms", "selfservice.flows.recovery.use: expected one of \"code\", \"link\", got \"sms\"")]
    [InlineData("session:\n  whoami:\n    required_aal: aal2", "session.whoami.required_aal: expected one of \"aal1\", \"highest_available\", got \"aal2\"")]
    [InlineData("preview:\n  default_read_consistency_level: weak", "preview.default_read_consistency_level: expected one of \"strong\", \"eventual\", got \"weak\"")]
    public void Load_BadEnum_ListsAllowedValues(string yaml, string expected)
    {
        var error = ConfigTestFiles.LoadFails("dsn: memory\nidentity:\n  schemas: [{id: default, url: 'file:///x'}]\n" + yaml);

        Assert.Contains(expected, error.Errors);
    }

    [Fact]
    public void Load_MissingRequiredValuesOutsideDev_Fails()
    {
        var error = ConfigTestFiles.LoadFails("log:\n  level: info\n");

        Assert.Contains("dsn: a value is required", error.Errors);
        Assert.DoesNotContain(error.Errors, e => e.StartsWith("selfservice.default_browser_return_url", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("identity.schemas: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MissingDsnOutsideDev_MessageNamesDsn()
    {
        var error = ConfigTestFiles.LoadFails(ConfigTestFiles.MinimalYaml.Replace("dsn: memory", "", StringComparison.Ordinal));

        Assert.Equal("dsn: a value is required", error.Message);
    }

    [Fact]
    public void Load_SchemaWithoutUrl_Fails()
    {
        var error = ConfigTestFiles.LoadFails("dsn: memory\nselfservice: {default_browser_return_url: 'http://x/'}\nidentity:\n  schemas: [{id: default}]\n");

        Assert.Contains("identity.schemas[0].url: a value is required", error.Errors);
    }

    [Fact]
    public void Load_CipherWithoutSecret_Fails()
    {
        var error = ConfigTestFiles.LoadFails(ConfigTestFiles.MinimalYaml + "\nciphers:\n  algorithm: aes\n");

        Assert.Contains("secrets.cipher: a value is required when ciphers.algorithm is \"aes\"", error.Errors);
    }

    [Fact]
    public void Load_CipherSecretWrongLength_Fails()
    {
        var error = ConfigTestFiles.LoadFails(ConfigTestFiles.MinimalYaml + "\nciphers:\n  algorithm: xchacha20-poly1305\nsecrets:\n  cipher: [too-short]\n");

        Assert.Contains("secrets.cipher[0]: must be exactly 32 characters long, got 9", error.Errors);
    }

    [Fact]
    public void Load_RecoveryWithoutCourierOutsideDev_Fails()
    {
        var error = ConfigTestFiles.LoadFails(ConfigTestFiles.MinimalYaml + "\n  flows:\n    recovery:\n      enabled: true\n");

        Assert.Contains(error.Errors, e => e.StartsWith("courier.smtp.connection_uri: a value is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_NonAbsoluteSchemaUrl_Fails()
    {
        var error = ConfigTestFiles.LoadFails(ConfigTestFiles.MinimalYaml.Replace("file:///etc/config/identity.schema.json", "identity.schema.json", StringComparison.Ordinal));

        Assert.Contains("identity.schemas[0].url: must be an absolute URL, got \"identity.schema.json\"", error.Errors);
    }

    [Fact]
    public void Load_BadSmtpScheme_Fails()
    {
        var error = ConfigTestFiles.LoadFails(ConfigTestFiles.MinimalYaml + "\ncourier:\n  smtp:\n    connection_uri: http://mail/\n");

        Assert.Contains(error.Errors, e => e.StartsWith("courier.smtp.connection_uri: must be a smtp or smtps URL", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WebauthnEnabledWithoutRp_Fails()
    {
        var error = ConfigTestFiles.LoadFails(ConfigTestFiles.MinimalYaml + "\n  methods:\n    webauthn:\n      enabled: true\n");

        Assert.Contains("selfservice.methods.webauthn.config.rp.id: a value is required when the method is enabled", error.Errors);
    }

    [Fact]
    public void Load_ListExpected_NamesPath()
    {
        var error = ConfigTestFiles.LoadFails(ConfigTestFiles.MinimalYaml + "\nsecrets:\n  cookie: just-a-string-value-here\n");

        Assert.Equal("secrets.cookie: expected a list, got \"just-a-string-value-here\"", error.Message);
    }

    [Fact]
    public void Load_YamlSyntaxError_NamesFileAndLine()
    {
        using var files = new ConfigTestFiles();
        var path = files.Write("kratos.yml", "dsn: memory\nserve:\n  public: [unclosed\n  admin: {}\n");

        var error = Assert.Throws<ConfigurationException>(() => CustosConfiguration.Load([path], ConfigTestFiles.NoEnvironment, dev: false));

        Assert.StartsWith(path + ": could not parse YAML at line ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_YamlBadIndentation_NamesLine()
    {
        using var files = new ConfigTestFiles();
        var path = files.Write("kratos.yml", "dsn: memory\nserve:\n  public:\n    port: 1\n   host: x\n");

        var error = Assert.Throws<ConfigurationException>(() => CustosConfiguration.Load([path], ConfigTestFiles.NoEnvironment, dev: false));

        Assert.StartsWith(path + ": could not parse YAML at line 5: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_JsonSyntaxError_NamesFileAndLine()
    {
        using var files = new ConfigTestFiles();
        var path = files.Write("kratos.json", "{\n  \"dsn\": \n}\n");

        var error = Assert.Throws<ConfigurationException>(() => CustosConfiguration.Load([path], ConfigTestFiles.NoEnvironment, dev: false));

        Assert.StartsWith(path + ": could not parse JSON at line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_NamesFile()
    {
        var error = Assert.Throws<ConfigurationException>(() =>
            CustosConfiguration.Load(["/nonexistent/kratos.yml"], ConfigTestFiles.NoEnvironment, dev: false));

        Assert.StartsWith("/nonexistent/kratos.yml: could not read config file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BcryptCostBelowTwelveOutsideDev_IsRaisedWithWarning()
    {
        var result = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml + "\nhashers:\n  bcrypt:\n    cost: 8\n");

        Assert.Equal(12, result.Options.Hashers.Bcrypt.Cost);
        Assert.Contains(result.Warnings, w => w.StartsWith("hashers.bcrypt.cost:", StringComparison.Ordinal));
    }
}
