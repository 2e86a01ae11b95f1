using Custos.Config;
using Custos.SelfService.Flows;
using Custos.SelfService.Hooks;
using Custos.UnitTests.Config;

namespace Custos.UnitTests.SelfService.Hooks;

/// <summary>The contract's §7.1, §7.2 and §7.6: which list applies, which hooks run where, and in which order.</summary>
public sealed class HookPlanTests
{
    private const string Yaml = ConfigTestFiles.MinimalYaml + """

          flows:
            verification:
              enabled: true
              after:
                hooks:
                  - { hook: web_hook, config: { url: "https://h.example/verification-after", method: POST } }
                  - hook: revoke_active_sessions
            login:
              before:
                hooks:
                  - { hook: web_hook, config: { url: "https://h.example/login-before", method: POST } }
                  - hook: b2b_sso
              after:
                hooks:
                  - hook: revoke_active_sessions
                password:
                  hooks:
                    - hook: require_verified_address
                    - hook: session
                    - { hook: web_hook, config: { url: "https://h.example/login-parse", method: POST, response: { parse: true } } }
                    - hook: revoke_active_sessions
                oidc:
                  hooks: []
            registration:
              after:
                hooks:
                  - { hook: web_hook, config: { url: "https://h.example/registration-global-parse", method: POST, response: { parse: true } } }
                  - hook: session
                password:
                  hooks:
                    - hook: session
                    - { hook: web_hook, config: { url: "https://h.example/registration-parse", method: POST, response: { parse: true } } }
                    - hook: show_verification_ui
                    - { hook: web_hook, config: { url: "https://h.example/registration-after", method: POST } }
                    - hook: revoke_active_sessions
            settings:
              after:
                hooks:
                  - hook: revoke_active_sessions
                profile:
                  hooks:
                    - { hook: web_hook, config: { url: "https://h.example/settings-interrupt", method: POST, can_interrupt: true } }
                    - hook: show_verification_ui
                    - hook: verify_new_address
                password:
                  hooks:
                    - hook: revoke_active_sessions
                    - hook: session
            recovery:
              after:
                hooks:
                  - hook: revoke_active_sessions
                  - { hook: web_hook, config: { url: "https://h.example/recovery-after", method: POST } }
                  - hook: session
        courier:
          smtp:
            connection_uri: smtp://localhost:1025/
        """;

    [Theory]
    // Before lists: web hooks only; names no flow runs (b2b_sso) are dropped.
    [InlineData("Login", "Before", null, "web_hook login-before")]
    [InlineData("Verification", "Before", null, "")]
    // A non-empty method list replaces the global list; an empty or absent one falls back to it.
    [InlineData("Login", "After", "password", "require_verified_address, web_hook login-parse, revoke_active_sessions")]
    [InlineData("Login", "After", "oidc", "revoke_active_sessions")]
    [InlineData("Login", "After", "totp", "revoke_active_sessions")]
    [InlineData("Login", "After", null, "revoke_active_sessions")]
    [InlineData("Login", "PrePersist", "password", "")]
    // Registration: the implicit verifier first, session last, parse-mode web hooks before the identity is saved.
    [InlineData("Registration", "After", "password", "verification(implicit), show_verification_ui, web_hook registration-after, session")]
    [InlineData("Registration", "PrePersist", "password", "web_hook registration-parse")]
    [InlineData("Registration", "After", "webauthn", "verification(implicit), session")]
    [InlineData("Registration", "PrePersist", "webauthn", "")]
    // Settings: the hook key is the strategy id; can_interrupt is parse's alias.
    [InlineData("Settings", "After", "profile", "verification(implicit), show_verification_ui, verify_new_address")]
    [InlineData("Settings", "PrePersist", "profile", "web_hook settings-interrupt")]
    [InlineData("Settings", "After", "password", "verification(implicit), revoke_active_sessions")]
    [InlineData("Settings", "After", "totp", "verification(implicit), revoke_active_sessions")]
    // Recovery and verification: the global list only, whatever the method.
    [InlineData("Recovery", "After", "code", "revoke_active_sessions, web_hook recovery-after")]
    [InlineData("Verification", "After", "code", "web_hook verification-after")]
    public void Resolve_FollowsTheContract(string flow, string phase, string? method, string expected)
    {
        var options = ConfigTestFiles.Load(Yaml).Options;

        var plan = HookPlan.Resolve(options, Enum.Parse<FlowKind>(flow), Enum.Parse<HookPhase>(phase), method);

        Assert.Equal(expected, Describe(plan));
    }

    [Theory]
    [InlineData("Registration", "password", "show_verification_ui, web_hook registration-after, session")]
    [InlineData("Settings", "profile", "show_verification_ui, verify_new_address")]
    public void Resolve_WithVerificationOff_AddsNoImplicitVerifier(string flow, string method, string expected)
    {
        var options = ConfigTestFiles.Load(Yaml.Replace("enabled: true", "enabled: false", StringComparison.Ordinal)).Options;

        var plan = HookPlan.Resolve(options, Enum.Parse<FlowKind>(flow), HookPhase.After, method);

        Assert.Equal(expected, Describe(plan));
    }

    [Fact]
    public void Resolve_SessionListedTwice_RunsLastInItsConfiguredPlaces()
    {
        var options = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml + """

              flows:
                registration:
                  after:
                    hooks:
                      - hook: session
                      - hook: show_verification_ui
            """).Options;

        var plan = HookPlan.Resolve(options, FlowKind.Registration, HookPhase.After, "password");

        Assert.Equal([HookKind.ShowVerificationUi, HookKind.Session], plan.Select(h => h.Kind));
        Assert.All(plan, h => Assert.False(h.IsImplicit));
    }

    [Theory]
    [InlineData("session", "Session")]
    [InlineData("web_hook", "WebHook")]
    [InlineData("show_verification_ui", "ShowVerificationUi")]
    [InlineData("b2b_sso", null)]
    [InlineData("organization", null)]
    public void Parse_MapsConfiguredNames(string name, string? expected) => Assert.Equal(expected, HookKinds.Parse(name)?.ToString());

    private static string Describe(IReadOnlyList<PlannedHook> plan) => string.Join(", ", plan.Select(h =>
        h.IsImplicit ? "verification(implicit)"
        : h.Kind == HookKind.WebHook ? "web_hook " + new Uri(h.Entry!.Config!.Value.GetProperty("url").GetString()!).AbsolutePath.TrimStart('/')
        : h.Entry!.Hook));
}
