using Custos.Config;

namespace Custos.UnitTests.Config;

public sealed class EnvironmentOverridesTests
{
    [Theory]
    [InlineData("DSN", "dsn")]
    [InlineData("SERVE_PUBLIC_PORT", "serve.public.port")]
    [InlineData("SERVE_PUBLIC_BASE_URL", "serve.public.base_url")]
    [InlineData("SELFSERVICE_FLOWS_LOGIN_UI_URL", "selfservice.flows.login.ui_url")]
    [InlineData("SELFSERVICE_DEFAULT_BROWSER_RETURN_URL", "selfservice.default_browser_return_url")]
    [InlineData("SELFSERVICE_FLOWS_LOGIN_AFTER_LOOKUP_SECRET_HOOKS", "selfservice.flows.login.after.lookup_secret.hooks")]
    [InlineData("SELFSERVICE_METHODS_PASSWORD_CONFIG_MIN_PASSWORD_LENGTH", "selfservice.methods.password.config.min_password_length")]
    [InlineData("SECRETS_COOKIE_0", "secrets.cookie[0]")]
    [InlineData("SECRETS_DEFAULT_0", "secrets.default[0]")]
    [InlineData("IDENTITY_SCHEMAS_0_URL", "identity.schemas[0].url")]
    [InlineData("IDENTITY_DEFAULT_SCHEMA_ID", "identity.default_schema_id")]
    [InlineData("LOG_LEVEL", "log.level")]
    [InlineData("COURIER_SMTP_CONNECTION_URI", "courier.smtp.connection_uri")]
    [InlineData("HASHERS_ALGORITHM", "hashers.algorithm")]
    [InlineData("HASHERS_ARGON2_SALT_LENGTH", "hashers.argon2.salt_length")]
    [InlineData("SELFSERVICE_METHODS_OIDC_CONFIG_PROVIDERS_1_CLIENT_SECRET", "selfservice.methods.oidc.config.providers[1].client_secret")]
    [InlineData("OAUTH2_PROVIDER_URL", "oauth2_provider.url")]
    [InlineData("serve_admin_port", "serve.admin.port")]
    public void TryResolve_KratosName_FindsYamlPath(string name, string expected)
    {
        var found = EnvironmentOverrides.TryResolve(name, out var path);

        Assert.True(found);
        Assert.Equal(expected, path);
    }

    [Theory]
    [InlineData("PATH")]
    [InlineData("HOME")]
    [InlineData("SERVE_PUBLIC_NOPE")]
    [InlineData("SECRETS_COOKIE_X")]
    [InlineData("DEV")]
    public void TryResolve_UnrelatedName_IsIgnored(string name)
    {
        Assert.False(EnvironmentOverrides.TryResolve(name, out _));
    }

    [Fact]
    public void Load_EnvironmentOverridesFile()
    {
        var environment = new Dictionary<string, string?>
        {
            ["SECRETS_COOKIE_0"] = "cookie-secret-0123456789",
            ["SERVE_PUBLIC_PORT"] = "8080",
            ["SELFSERVICE_FLOWS_LOGIN_UI_URL"] = "http://ui.example/login",
            ["HASHERS_ALGORITHM"] = "argon2",
            ["SERVE_PUBLIC_CORS_ENABLED"] = "true",
            ["PATH"] = "/usr/bin",
            ["SOME_UNRELATED_THING"] = "x",
        };

        var options = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml + """

            serve:
              public:
                port: 4000
            secrets:
              cookie: [from-file-secret-0123456789, second-file-secret-0123]
            """, environment).Options;

        Assert.Equal(8080, options.Serve.Public.Port);
        Assert.True(options.Serve.Public.Cors.Enabled);
        Assert.Equal(["cookie-secret-0123456789", "second-file-secret-0123"], options.Secrets.Cookie);
        Assert.Equal("http://ui.example/login", options.Selfservice.Flows.Login.UiUrl);
        Assert.Equal(PasswordHashAlgorithm.Argon2, options.Hashers.Algorithm);
    }

    [Fact]
    public void Load_JsonArrayEnvironmentValues_ReplaceLists()
    {
        var environment = new Dictionary<string, string?>
        {
            ["SELFSERVICE_ALLOWED_RETURN_URLS"] = """["http://a","http://b"]""",
            ["IDENTITY_SCHEMAS"] = """[{"id":"customer","url":"file:///customer.json"}]""",
            ["IDENTITY_DEFAULT_SCHEMA_ID"] = "customer",
        };

        var options = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml, environment).Options;

        Assert.Equal(["http://a", "http://b"], options.Selfservice.AllowedReturnUrls);
        var schema = Assert.Single(options.Identity.Schemas);
        Assert.Equal("customer", schema.Id);
        Assert.Equal("file:///customer.json", schema.Url);
    }

    [Fact]
    public void Load_CommaSeparatedList_IsSplit()
    {
        var environment = new Dictionary<string, string?> { ["SERVE_PUBLIC_CORS_ALLOWED_ORIGINS"] = "http://a, http://b" };

        var options = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml, environment).Options;

        Assert.Equal(["http://a", "http://b"], options.Serve.Public.Cors.AllowedOrigins);
    }

    [Fact]
    public void Load_WholeListThenIndexedEntry_IndexedEntryWins()
    {
        var environment = new Dictionary<string, string?>
        {
            ["IDENTITY_SCHEMAS_0_URL"] = "file:///override.json",
            ["IDENTITY_SCHEMAS"] = """[{"id":"default","url":"file:///a.json"}]""",
        };

        var options = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml, environment).Options;

        Assert.Equal("file:///override.json", Assert.Single(options.Identity.Schemas).Url);
    }

    [Fact]
    public void Load_IndexedEntryWithoutFileList_CreatesList()
    {
        var environment = new Dictionary<string, string?>
        {
            ["DSN"] = "memory",
            ["IDENTITY_SCHEMAS_0_ID"] = "default",
            ["IDENTITY_SCHEMAS_0_URL"] = "file:///x.json",
            ["SELFSERVICE_DEFAULT_BROWSER_RETURN_URL"] = "http://localhost/",
            ["SECRETS_DEFAULT_0"] = "default-secret-0123456789",
        };

        var result = CustosConfiguration.Load([], environment, dev: false);

        Assert.Equal("file:///x.json", result.Options.Identity.Schemas[0].Url);
        Assert.Equal(["default-secret-0123456789"], result.Options.Secrets.Default);
        Assert.Equal("file:///x.json", result.Configuration["identity:schemas:0:url"]);
    }

    [Fact]
    public void Load_EnvironmentWrongType_NamesYamlPath()
    {
        var environment = new Dictionary<string, string?> { ["SERVE_PUBLIC_PORT"] = "abc" };

        var error = ConfigTestFiles.LoadFails(ConfigTestFiles.MinimalYaml, environment);

        Assert.Contains("serve.public.port: expected an integer, got \"abc\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ObjectEnvironmentValueNotJson_IsIgnoredWithWarning()
    {
        var environment = new Dictionary<string, string?> { ["SERVE"] = "yes" };

        var result = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml, environment);

        Assert.Equal(4433, result.Options.Serve.Public.Port);
        Assert.Contains(result.Warnings, w => w.Contains("SERVE", StringComparison.Ordinal));
    }
}
