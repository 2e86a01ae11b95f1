using System.Text.Json;
using Custos.Config;

namespace Custos.UnitTests.Config;

public sealed class HookOptionsTests
{
    private const string HooksYaml = ConfigTestFiles.MinimalYaml + """

          flows:
            login:
              after:
                hooks:
                  - hook: revoke_active_sessions
                password:
                  hooks:
                    - hook: require_verified_address
                oidc:
                  hooks: []
            registration:
              after:
                password:
                  hooks:
                    - hook: web_hook
                      config:
                        url: https://hooks.example/registration
                        method: POST
                        body: base64://ZnVuY3Rpb24oY3R4KSB7fQ==
                        headers:
                          X-Custom: value
                        auth:
                          type: api_key
                          config:
                            name: X-Api-Key
                            value: secret
                            in: header
                        response:
                          parse: true
                    - hook: session
        """;

    [Fact]
    public void WebHookConfig_IsPreservedAsJson()
    {
        var hooks = ConfigTestFiles.Load(HooksYaml).Options.Selfservice.Flows.Registration.After.Password.Hooks;

        var webHook = hooks[0];
        Assert.Equal("web_hook", webHook.Hook);
        var config = Assert.NotNull(webHook.Config);
        Assert.Equal("https://hooks.example/registration", config.GetProperty("url").GetString());
        Assert.Equal("POST", config.GetProperty("method").GetString());
        Assert.Equal("base64://ZnVuY3Rpb24oY3R4KSB7fQ==", config.GetProperty("body").GetString());
        Assert.Equal("value", config.GetProperty("headers").GetProperty("X-Custom").GetString());
        Assert.Equal("api_key", config.GetProperty("auth").GetProperty("type").GetString());
        Assert.Equal("secret", config.GetProperty("auth").GetProperty("config").GetProperty("value").GetString());
        Assert.Equal(JsonValueKind.True, config.GetProperty("response").GetProperty("parse").ValueKind);
        Assert.Null(hooks[1].Config);
    }

    [Fact]
    public void WebHookConfig_FromEnvironmentJson_IsPreserved()
    {
        var environment = new Dictionary<string, string?>
        {
            ["SELFSERVICE_FLOWS_SETTINGS_AFTER_HOOKS"] = """[{"hook":"web_hook","config":{"url":"https://h.example/","method":"PUT","response":{"ignore":true}}}]""",
        };

        var hooks = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml, environment).Options.Selfservice.Flows.Settings.After.Hooks;

        var config = Assert.NotNull(Assert.Single(hooks).Config);
        Assert.Equal("PUT", config.GetProperty("method").GetString());
    }

    [Fact]
    public void WebHookWithoutUrl_Fails()
    {
        var error = ConfigTestFiles.LoadFails(ConfigTestFiles.MinimalYaml + """

              flows:
                recovery:
                  after:
                    hooks:
                      - hook: web_hook
                        config:
                          method: POST
            """);

        Assert.Contains("selfservice.flows.recovery.after.hooks[0].config.url: a value is required", error.Errors);
    }

    [Fact]
    public void WebHookIgnoreAndParse_Fails()
    {
        var error = ConfigTestFiles.LoadFails(ConfigTestFiles.MinimalYaml + """

              flows:
                login:
                  before:
                    hooks:
                      - hook: web_hook
                        config: {url: "https://h/", method: POST, response: {ignore: true, parse: true}}
            """);

        Assert.Contains("selfservice.flows.login.before.hooks[0].config.response: ignore and parse cannot both be true", error.Errors);
    }

    [Fact]
    public void UnknownHookName_Fails()
    {
        var error = ConfigTestFiles.LoadFails(ConfigTestFiles.MinimalYaml + "\n  flows:\n    login:\n      after:\n        hooks:\n          - hook: sesion\n");

        Assert.Contains(error.Errors, e => e.StartsWith("selfservice.flows.login.after.hooks[0].hook: expected one of \"session\"", StringComparison.Ordinal));
    }

    [Fact]
    public void HookWithoutName_FailsOnce()
    {
        var error = ConfigTestFiles.LoadFails(ConfigTestFiles.MinimalYaml + "\n  flows:\n    login:\n      after:\n        hooks:\n          - config: {}\n");

        Assert.Equal("selfservice.flows.login.after.hooks[0].hook: a value is required", error.Message);
    }

    [Fact]
    public void OidcProvider_KeepsUnmodelledFieldsInRaw()
    {
        var options = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml + """

              methods:
                oidc:
                  enabled: true
                  config:
                    providers:
                      - id: google
                        provider: google
                        client_id: abc
                        client_secret: def
                        mapper_url: base64://bG9jYWwgY2xhaW1zID0gc3RkLmV4dFZhcignY2xhaW1zJyk7e30=
                        scope: [email, profile]
                        requested_claims: {id_token: {email: {essential: true}}}
                        custom_field: 42
            """).Options;

        var provider = Assert.Single(options.Selfservice.Methods.Oidc.Config.Providers);
        Assert.Equal("google", provider.Provider);
        Assert.Equal(["email", "profile"], provider.Scope);
        Assert.Equal("auto", provider.Pkce);
        Assert.Equal(42, provider.Raw.GetProperty("custom_field").GetInt32());
        Assert.True(provider.RequestedClaims!.Value.GetProperty("id_token").GetProperty("email").GetProperty("essential").GetBoolean());
        Assert.Same(provider, options.Selfservice.Methods.Oidc.Config.FindProvider("google"));
    }

    [Fact]
    public void OidcProvider_MissingRequiredFields_Fails()
    {
        var error = ConfigTestFiles.LoadFails(ConfigTestFiles.MinimalYaml + "\n  methods:\n    oidc:\n      config:\n        providers:\n          - id: gh\n            provider: github\n");

        Assert.Contains("selfservice.methods.oidc.config.providers[0].client_id: a value is required", error.Errors);
        Assert.Contains("selfservice.methods.oidc.config.providers[0].mapper_url: a value is required", error.Errors);
    }
}
