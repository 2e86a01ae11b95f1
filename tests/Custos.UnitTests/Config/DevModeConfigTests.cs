using Custos.Config;

namespace Custos.UnitTests.Config;

public sealed class DevModeConfigTests
{
    [Fact]
    public void Load_DevWithoutFiles_FillsRequiredDefaults()
    {
        var options = CustosConfiguration.Load([], ConfigTestFiles.NoEnvironment, dev: true).Options;

        Assert.True(options.Dev);
        Assert.Equal("sqlite://./custos.db?_fk=true", options.Dsn);
        var schema = Assert.Single(options.Identity.Schemas);
        Assert.Equal("default", schema.Id);
        Assert.Equal("builtin://default", schema.Url);
        Assert.Equal("http://127.0.0.1:4433/ui/welcome", options.Selfservice.DefaultBrowserReturnUrl);
        Assert.Equal("127.0.0.1", options.Selfservice.Methods.Totp.Config.Issuer);
    }

    [Fact]
    public void Load_DevWithoutFiles_UsesSchemaDefaults()
    {
        var options = CustosConfiguration.Load([], ConfigTestFiles.NoEnvironment, dev: true).Options;

        Assert.Equal("0.0.0.0", options.Serve.Public.Host);
        Assert.Equal(4433, options.Serve.Public.Port);
        Assert.Equal(4434, options.Serve.Admin.Port);
        Assert.Equal(TimeSpan.FromHours(1), options.Selfservice.Flows.Login.Lifespan);
        Assert.Equal("http://127.0.0.1:4433/ui/login", options.Selfservice.Flows.Login.UiUrl);
        Assert.Equal(TimeSpan.FromHours(24), options.Session.Lifespan);
        Assert.Equal(TimeSpan.FromHours(24), options.Session.EarliestPossibleExtend);
        Assert.Equal("ory_kratos_session", options.Session.Cookie.Name);
        Assert.False(options.Session.Cookie.Secure);
        Assert.False(options.Cookies.Secure);
        Assert.Equal(PasswordHashAlgorithm.Bcrypt, options.Hashers.Algorithm);
        Assert.Equal(12, options.Hashers.Bcrypt.Cost);
        Assert.Equal(128L * 1024 * 1024, options.Hashers.Argon2.Memory.Bytes);
        Assert.Equal(Environment.ProcessorCount * 2, options.Hashers.Argon2.Parallelism);
        Assert.Equal(16, options.Hashers.Argon2.SaltLength);
        Assert.Equal(32, options.Hashers.Argon2.KeyLength);
        Assert.Equal(5, options.Courier.MessageRetries);
        Assert.Equal(CipherAlgorithm.Noop, options.Ciphers.Algorithm);
        Assert.True(options.Selfservice.Methods.IsEnabled("password"));
        Assert.True(options.Selfservice.Methods.IsEnabled("code"));
        Assert.False(options.Selfservice.Methods.IsEnabled("totp"));
        Assert.Equal(["*"], options.Serve.Public.Cors.AllowedOrigins);
    }

    [Fact]
    public void Load_DevWithoutFiles_TurnsOnRecoveryVerificationAndTheSessionAfterRegistration()
    {
        var options = CustosConfiguration.Load([], ConfigTestFiles.NoEnvironment, dev: true).Options;

        Assert.True(options.Selfservice.Flows.Recovery.Enabled);
        Assert.True(options.Selfservice.Flows.Verification.Enabled);
        Assert.Equal(["session", "show_verification_ui"], options.Selfservice.Flows.Registration.After.Hooks.Select(h => h.Hook));
    }

    [Fact]
    public void Load_DevWithoutFiles_KeepsWhatTheEnvironmentSets()
    {
        var environment = new Dictionary<string, string?>
        {
            ["SELFSERVICE_FLOWS_RECOVERY_ENABLED"] = "false",
            ["SELFSERVICE_FLOWS_REGISTRATION_AFTER_HOOKS"] = "[]",
        };

        var options = CustosConfiguration.Load([], environment, dev: true).Options;

        Assert.False(options.Selfservice.Flows.Recovery.Enabled);
        Assert.True(options.Selfservice.Flows.Verification.Enabled);
        Assert.Empty(options.Selfservice.Flows.Registration.After.Hooks);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Load_WithAConfigFile_KeepsKratosDefaults(bool dev)
    {
        var options = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml, dev: dev).Options;

        Assert.False(options.Selfservice.Flows.Recovery.Enabled);
        Assert.False(options.Selfservice.Flows.Verification.Enabled);
        Assert.Empty(options.Selfservice.Flows.Registration.After.Hooks);
    }

    [Fact]
    public void Load_NotDev_CookiesSecureByDefault()
    {
        var options = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml).Options;

        Assert.True(options.Cookies.Secure);
        Assert.True(options.Session.Cookie.Secure);
    }

    [Fact]
    public void Load_SessionCookie_FallsBackToCookies()
    {
        var options = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml + """

            cookies:
              domain: example.org
              path: /auth
              same_site: Strict
              secure: false
            session:
              cookie:
                same_site: None
            """).Options;

        Assert.Equal("example.org", options.Session.Cookie.Domain);
        Assert.Equal("/auth", options.Session.Cookie.Path);
        Assert.Equal(CookieSameSite.None, options.Session.Cookie.SameSite);
        Assert.False(options.Session.Cookie.Secure);
    }

    [Fact]
    public void Load_DevWithExplicitValues_KeepsThem()
    {
        var options = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml + "\ncookies:\n  secure: true\nsession:\n  earliest_possible_extend: 1h\n", dev: true).Options;

        Assert.Equal("memory", options.Dsn);
        Assert.Equal("http://localhost:4455/", options.Selfservice.DefaultBrowserReturnUrl);
        Assert.True(options.Session.Cookie.Secure);
        Assert.Equal(TimeSpan.FromHours(1), options.Session.EarliestPossibleExtend);
    }

    [Fact]
    public void Load_DevRecoveryWithoutCourier_IsAllowed()
    {
        var options = CustosConfiguration.Load([], new Dictionary<string, string?> { ["SELFSERVICE_FLOWS_RECOVERY_ENABLED"] = "true" }, dev: true).Options;

        Assert.True(options.Selfservice.Flows.Recovery.Enabled);
    }
}
