using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Config;

/// <summary>
/// <c>GET /admin/config</c> on an app configured with a secret of every kind: the effective configuration comes back in
/// kratos.yml keys and not one configured secret value appears anywhere in it.
/// </summary>
public sealed class ConfigAdminTests : IClassFixture<ConfigAdminTests.SecretsApp>
{
    public static readonly string[] Secrets =
    [
        "default-secret-value-AAAAAAAAAAAA",
        "cookie-secret-value-BBBBBBBBBBBBB",
        "cipher-secret-32-chars-CCCCCCCCC",
        "smtp-password-DDDD",
        "webhook-api-key-EEEE",
        "webhook-basic-password-FFFF",
        "sms-api-key-GGGG",
        "oidc-client-secret-HHHH",
        "header-bearer-IIII",
    ];

    private readonly SecretsApp _app;

    public ConfigAdminTests(SecretsApp app) => _app = app;

    [Fact]
    public async Task Config_HasTheEffectiveSettings_InKratosKeys()
    {
        var response = await _app.Admin().GetAsync("/admin/config");
        var config = (await response.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CustosAppFactory.PublicPort, config["serve"]!["public"]!["port"]!.GetValue<int>());
        Assert.Equal("default", config["identity"]!["default_schema_id"]!.GetValue<string>());
        Assert.Equal("bcrypt", config["hashers"]!["algorithm"]!.GetValue<string>());
        Assert.Equal("http://localhost:4455/login", config["selfservice"]!["flows"]!["login"]!["ui_url"]!.GetValue<string>());
        Assert.False(config["selfservice"]!["methods"]!["password"]!["config"]!["haveibeenpwned_enabled"]!.GetValue<bool>());
        Assert.Equal("gh", config["selfservice"]!["methods"]!["oidc"]!["config"]!["providers"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Config_RedactsEverySecret_AndShowsWhereTheyWere()
    {
        var response = await _app.Admin().GetAsync("/admin/config");
        var text = await response.Content.ReadAsStringAsync();
        var config = JsonNode.Parse(text)!.AsObject();

        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.Equal("<redacted>", config["secrets"]!["default"]![0]!.GetValue<string>());
        Assert.Equal("<redacted>", config["secrets"]!["cipher"]![0]!.GetValue<string>());
        Assert.Equal("smtp://mailer:<redacted>@127.0.0.1:1025/?disable_starttls=true", config["courier"]!["smtp"]!["connection_uri"]!.GetValue<string>());
        Assert.Equal("<redacted>", config["selfservice"]!["methods"]!["oidc"]!["config"]!["providers"]![0]!["client_secret"]!.GetValue<string>());
        Assert.Equal("gh-client", config["selfservice"]!["methods"]!["oidc"]!["config"]!["providers"]![0]!["client_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Config_IsOnlyOnTheAdminListener()
    {
        var response = await _app.Public().GetAsync("/admin/config");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The test app with a secret in every place kratos.yml can hold one.</summary>
    public sealed class SecretsApp : CustosAppFactory
    {
        public SecretsApp()
        {
            ExtraYaml = $$"""
                secrets:
                  default: ["{{Secrets[0]}}"]
                  cookie: ["{{Secrets[1]}}"]
                  cipher: ["{{Secrets[2]}}"]
                courier:
                  smtp:
                    connection_uri: "smtp://mailer:{{Secrets[3]}}@127.0.0.1:1025/?disable_starttls=true"
                  channels:
                    - id: sms
                      type: http
                      request_config:
                        url: http://127.0.0.1:9/sms
                        headers:
                          Authorization: "Bearer {{Secrets[8]}}"
                        auth:
                          type: api_key
                          config:
                            name: X-Api-Key
                            value: {{Secrets[6]}}
                            in: header
                selfservice:
                  methods:
                    oidc:
                      enabled: true
                      config:
                        providers:
                          - id: gh
                            provider: github
                            client_id: gh-client
                            client_secret: {{Secrets[7]}}
                            mapper_url: base64://bG9jYWwgY2xhaW1zID0gc3RkLmV4dFZhcignY2xhaW1zJyk7IHsgaWRlbnRpdHk6IHsgdHJhaXRzOiB7IGVtYWlsOiBjbGFpbXMuZW1haWwgfSB9IH0=
                  flows:
                    settings:
                      after:
                        hooks:
                          - hook: web_hook
                            config:
                              url: http://127.0.0.1:9/hook
                              method: POST
                              body: base64://ZnVuY3Rpb24oY3R4KSB7fQ==
                              auth:
                                type: api_key
                                config:
                                  name: X-Key
                                  value: {{Secrets[4]}}
                                  in: header
                          - hook: web_hook
                            config:
                              url: http://127.0.0.1:9/basic
                              method: POST
                              body: base64://ZnVuY3Rpb24oY3R4KSB7fQ==
                              auth:
                                type: basic_auth
                                config:
                                  user: hooker
                                  password: {{Secrets[5]}}
                """;
        }
    }
}
