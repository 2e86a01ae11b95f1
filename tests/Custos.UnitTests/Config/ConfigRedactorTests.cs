using System.Text.Json.Nodes;
using Custos.Config.View;

namespace Custos.UnitTests.Config;

public sealed class ConfigRedactorTests
{
    [Theory]
    [InlineData("postgres://custos:pg-pass@127.0.0.1:5432/custos?sslmode=disable", "postgres://custos:<redacted>@127.0.0.1:5432/custos?sslmode=disable")]
    [InlineData("postgres://custos@127.0.0.1/custos?password=pg-pass&sslmode=disable", "postgres://custos@127.0.0.1/custos?password=<redacted>&sslmode=disable")]
    [InlineData("host=db user=custos password=pg-pass dbname=custos", "host=db user=custos password=<redacted> dbname=custos")]
    [InlineData("sqlite:///var/lib/custos/db.sqlite?_fk=true", "sqlite:///var/lib/custos/db.sqlite?_fk=true")]
    [InlineData("memory", "memory")]
    public void Dsn_KeepsEverythingButThePassword(string dsn, string expected)
    {
        var redacted = ConfigRedactor.Redact(new JsonObject { ["dsn"] = dsn });

        Assert.Equal(expected, redacted["dsn"]!.GetValue<string>());
    }

    [Fact]
    public void SecretNames_AreRedacted_SettingsAndUrlsAreNot()
    {
        var config = JsonNode.Parse("""
            {"serve":{"admin":{"api_key_required":true}},
             "hashers":{"argon2":{"key_length":32}},
             "oidc":{"client_secret":"s1","apple_private_key":"s2","token_url":"https://idp.example/token","client_id":"visible"},
             "hook":{"auth":{"type":"api_key","config":{"name":"X-Key","value":"s3","in":"header"}},"headers":{"Authorization":"Bearer s4"}},
             "dkim":{"private_key":"s5"},
             "hibp":{"api_key":"s6"},
             "session":{"whoami":{"tokenizer":{"templates":{"a":{"ttl":"1m"}}}}}}
            """)!;

        var text = ConfigRedactor.Redact(config).ToJsonString();

        foreach (var secret in new[] { "\"s1\"", "\"s2\"", "\"s3\"", "s4", "\"s5\"", "\"s6\"" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.Contains("\"api_key_required\":true", text, StringComparison.Ordinal);
        Assert.Contains("\"key_length\":32", text, StringComparison.Ordinal);
        Assert.Contains("https://idp.example/token", text, StringComparison.Ordinal);
        Assert.Contains("\"client_id\":\"visible\"", text, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"X-Key\"", text, StringComparison.Ordinal);
        Assert.Contains("\"ttl\":\"1m\"", text, StringComparison.Ordinal);
    }
}
