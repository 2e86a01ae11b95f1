using Custos.Config;

namespace Custos.UnitTests.Config;

public sealed class QuickstartConfigTests
{
    private static readonly Dictionary<string, string?> MemoryDsn = new() { ["DSN"] = "memory" };

    [Theory]
    [InlineData("all-strategies")]
    [InlineData("email-password")]
    [InlineData("passkey")]
    [InlineData("phone-password")]
    [InlineData("webauthn")]
    public void Load_Quickstart_Succeeds(string name)
    {
        var result = CustosConfiguration.Load([ConfigTestFiles.Quickstart(name)], MemoryDsn, dev: false);

        Assert.Equal("memory", result.Options.Dsn);
        Assert.Equal("default", result.Options.Identity.DefaultSchema().Id);
    }

    [Fact]
    public void Load_AllStrategies_BindsSampleValues()
    {
        var options = CustosConfiguration.Load([ConfigTestFiles.Quickstart("all-strategies")], ConfigTestFiles.NoEnvironment, dev: true).Options;

        Assert.Equal("v0.13.0", options.Version);
        Assert.Equal("http://localhost:4433/", options.Serve.Public.BaseUrl);
        Assert.Equal(4433, options.Serve.Public.Port);
        Assert.Equal(4434, options.Serve.Admin.Port);
        Assert.True(options.Serve.Public.Cors.Enabled);
        Assert.Equal(RequiredAal.Aal1, options.Session.Whoami.RequiredAal);
        Assert.Equal(["http://localhost:4455", "http://localhost:19006/Callback", "exp://localhost:8081/--/Callback"],
            options.Selfservice.AllowedReturnUrls);
        Assert.True(options.Selfservice.Methods.Webauthn.Config.Passwordless);
        Assert.Equal(["http://localhost:4455"], options.Selfservice.Methods.Webauthn.Config.Rp.EffectiveOrigins());
        Assert.Equal(["http://localhost:4455"], options.Selfservice.Methods.Passkey.Config.Rp.Origins);
        Assert.Equal(TimeSpan.FromMinutes(15), options.Selfservice.Flows.Settings.PrivilegedSessionMaxAge);
        Assert.Equal(TimeSpan.FromMinutes(10), options.Selfservice.Flows.Login.Lifespan);
        Assert.Equal(RegistrationStyle.ProfileFirst, options.Selfservice.Flows.Registration.EffectiveStyle());
        Assert.Equal(["session", "show_verification_ui"],
            options.Selfservice.Flows.Registration.After.Password.Hooks.Select(h => h.Hook));
        Assert.Equal(LogLevelSetting.Debug, options.Log.Level);
        Assert.True(options.Log.LeakSensitiveValues);
        Assert.Equal(["PLEASE-CHANGE-ME-I-AM-VERY-INSECURE"], options.Secrets.CookieSecrets());
        Assert.Equal(CipherAlgorithm.XChaCha20Poly1305, options.Ciphers.Algorithm);
        Assert.Equal(8, options.Hashers.Bcrypt.Cost);
        Assert.Equal("file://./contrib/quickstart/kratos/all-strategies/identity.schema.json", options.Identity.Schemas[0].Url);
        Assert.Equal("smtps://test:test@mailslurper:1025/?skip_ssl_verify=true", options.Courier.Smtp.ConnectionUri);
    }

    [Fact]
    public void Load_EmailPassword_BindsMethodsAndFeatureFlags()
    {
        var options = CustosConfiguration.Load([ConfigTestFiles.Quickstart("email-password")], ConfigTestFiles.NoEnvironment, dev: false).Options;

        Assert.True(options.Selfservice.Methods.IsEnabled("totp"));
        Assert.True(options.Selfservice.Methods.IsEnabled("lookup_secret"));
        Assert.True(options.Selfservice.Methods.IsEnabled("link"));
        Assert.False(options.Selfservice.Methods.IsEnabled("webauthn"));
        Assert.Equal("Kratos", options.Selfservice.Methods.Totp.Config.Issuer);
        Assert.True(options.Selfservice.Flows.Verification.Enabled);
        Assert.Equal(AddressFlowStrategy.Code, options.Selfservice.Flows.Recovery.Use);
        Assert.Equal("http://127.0.0.1:4455/welcome", options.Selfservice.Flows.Verification.After.DefaultBrowserReturnUrl);
        Assert.Equal("http://127.0.0.1:4455/login", options.Selfservice.Flows.Logout.After.DefaultBrowserReturnUrl);
        Assert.Equal(RequiredAal.HighestAvailable, options.Selfservice.Flows.Settings.RequiredAal);
        Assert.True(options.FeatureFlags.UseContinueWithTransitions);
        Assert.Equal(12, options.Hashers.Bcrypt.Cost);
    }

    [Fact]
    public void Load_PhonePassword_BindsSmsChannel()
    {
        var options = CustosConfiguration.Load([ConfigTestFiles.Quickstart("phone-password")], ConfigTestFiles.NoEnvironment, dev: false).Options;

        var channel = Assert.Single(options.Courier.Channels);
        Assert.Equal("sms", channel.Id);
        Assert.Equal("http", channel.Type);
        Assert.Equal("https://api.twilio.com/2010-04-01/Accounts/AXXXXXXXXXXXXXX/Messages.json", channel.RequestConfig.Url);
        Assert.Equal("application/x-www-form-urlencoded", channel.RequestConfig.Headers["Content-Type"]);
        Assert.Equal("basic_auth", channel.RequestConfig.Auth.Type);
        Assert.Equal("AXXXXXXX", channel.RequestConfig.Auth.Config.User);
        Assert.Null(options.Courier.Smtp.ConnectionUri);
    }

    [Fact]
    public void Load_Passkey_UsesDefaultsForMissingKeys()
    {
        var result = CustosConfiguration.Load([ConfigTestFiles.Quickstart("passkey")], MemoryDsn, dev: false);
        var options = result.Options;

        Assert.Null(options.Version);
        Assert.Equal(TimeSpan.FromHours(1), options.Selfservice.Flows.Login.Lifespan);
        Assert.Equal(TimeSpan.FromMinutes(5), options.Selfservice.Flows.Settings.PrivilegedSessionMaxAge);
        Assert.Equal("http://localhost:4455/verify", options.Selfservice.Flows.Verification.UiUrl);
        Assert.False(options.Selfservice.Flows.Verification.Enabled);
        Assert.Equal("issuer.ory.sh", options.Selfservice.Methods.Totp.Config.Issuer);
        Assert.Equal("Ory", options.Selfservice.Methods.Passkey.Config.Rp.DisplayName);
        Assert.Equal("required", options.Selfservice.Methods.Passkey.Config.AuthenticatorSelection.ResidentKey);
        Assert.Equal(TimeSpan.FromHours(1), options.Selfservice.Methods.Link.Config.Lifespan);
        Assert.Equal("memory", result.Document["dsn"]!.GetValue<string>());
        Assert.Equal("memory", result.Configuration["dsn"]);
    }

    [Fact]
    public void Load_Webauthn_PasswordDisabled()
    {
        var options = CustosConfiguration.Load([ConfigTestFiles.Quickstart("webauthn")], ConfigTestFiles.NoEnvironment, dev: false).Options;

        Assert.False(options.Selfservice.Methods.Password.Enabled);
        Assert.True(options.Selfservice.Methods.Webauthn.Enabled);
        Assert.Equal("localhost", options.Selfservice.Methods.Webauthn.Config.Rp.Id);
        Assert.Equal("http://localhost:4455", options.Selfservice.Methods.Webauthn.Config.Rp.Origin);
        Assert.Empty(options.Selfservice.Flows.Registration.After.Webauthn.Hooks);
        Assert.Empty(options.Selfservice.Flows.Registration.After.Hooks);
    }
}
