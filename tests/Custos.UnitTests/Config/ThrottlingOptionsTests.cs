using Custos.Config;
using Custos.Security.Throttling;

namespace Custos.UnitTests.Config;

/// <summary><c>security.throttling</c> and <c>serve.public.trusted_proxies</c>: defaults, partial rules, environment, validation.</summary>
public sealed class ThrottlingOptionsTests
{
    [Fact]
    public void Defaults_AreTheIssuesFigures_AndOn()
    {
        var throttling = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml).Options.Security.Throttling;

        Assert.True(throttling.Enabled);
        Assert.Equal(
            [(10, 15), (100, 60), (100, 15), (10, 60), (5, 60), (50, 60), (20, 60)],
            ThrottleRules.All.Select(r => throttling.Rule(r)).Select(r => (r.Limit, (int)r.Window.TotalMinutes)));
    }

    [Fact]
    public void AnUnsetWindowOrLimit_KeepsItsDefault()
    {
        var throttling = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml + """

            security:
              throttling:
                login_identifier:
                  limit: 3
                registration_address:
                  window: 1h30m
            """).Options.Security.Throttling;

        Assert.Equal(new ThrottleRule("login_identifier", 3, TimeSpan.FromMinutes(15)), throttling.Rule(ThrottleRules.LoginIdentifier));
        Assert.Equal(new ThrottleRule("registration_address", 20, TimeSpan.FromMinutes(90)), throttling.Rule(ThrottleRules.RegistrationAddress));
    }

    [Fact]
    public void EnvironmentVariables_SetEveryKey_IncludingTheCeilingBesideItsPrefix()
    {
        var options = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml, new Dictionary<string, string?>
        {
            ["SECURITY_THROTTLING_ENABLED"] = "false",
            ["SECURITY_THROTTLING_LOGIN_IDENTIFIER_LIMIT"] = "4",
            ["SECURITY_THROTTLING_LOGIN_IDENTIFIER_CEILING_LIMIT"] = "40",
            ["SECURITY_THROTTLING_LOGIN_IDENTIFIER_CEILING_WINDOW"] = "2h",
            ["SECURITY_THROTTLING_COURIER_CLIENT_WINDOW"] = "10m",
            ["SERVE_PUBLIC_TRUSTED_PROXIES"] = "[\"10.0.0.0/8\",\"::1\"]",
        }).Options;
        var throttling = options.Security.Throttling;

        Assert.False(throttling.Enabled);
        Assert.Equal(4, throttling.Rule(ThrottleRules.LoginIdentifier).Limit);
        Assert.Equal(new ThrottleRule("login_identifier_ceiling", 40, TimeSpan.FromHours(2)), throttling.Rule(ThrottleRules.LoginIdentifierCeiling));
        Assert.Equal(TimeSpan.FromMinutes(10), throttling.Rule(ThrottleRules.CourierClient).Window);
        Assert.Equal(["10.0.0.0/8", "::1"], options.Serve.Public.TrustedProxies);
    }

    [Theory]
    [InlineData("login_address:\n      limit: 0", "security.throttling.login_address.limit: must be at least 1, got 0")]
    [InlineData("code_identity:\n      window: 500ms", "security.throttling.code_identity.window: must be at least 1s, got 500ms")]
    [InlineData("courier_address:\n      window: soon", "security.throttling.courier_address.window")]
    public void BadValues_AreRefusedAtStart_WithTheirPath(string rule, string expected)
    {
        var error = ConfigTestFiles.LoadFails(ConfigTestFiles.MinimalYaml + "\nsecurity:\n  throttling:\n    " + rule + "\n");

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMisspelledRule_IsAWarning_LikeEveryUnknownKey()
    {
        var result = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml + "\nsecurity:\n  throttling:\n    login_identifer:\n      limit: 3\n");

        Assert.Contains("security.throttling.login_identifer: unknown config key, ignored", result.Warnings);
    }
}
