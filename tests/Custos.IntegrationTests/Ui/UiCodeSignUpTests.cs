using System.Text;
using Custos.IntegrationTests.SelfService.AddressFlows;

namespace Custos.IntegrationTests.Ui;

/// <summary>The built-in UI with sign-up by an e-mailed code (<c>passwordless_enabled</c>, profile-first registration).</summary>
public sealed class BuiltinUiCodeSignUpApp : BuiltinUiApp
{
    private const string Schema = """
        {
          "$id": "https://example.com/ui-code.schema.json",
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "properties": {
            "traits": {
              "type": "object",
              "properties": {
                "email": {
                  "type": "string", "format": "email", "title": "E-Mail",
                  "ory.sh/kratos": { "credentials": { "password": { "identifier": true }, "code": { "identifier": true, "via": "email" } } }
                }
              },
              "required": ["email"],
              "additionalProperties": false
            }
          }
        }
        """;

    public BuiltinUiCodeSignUpApp()
    {
        ExtraYaml = $"""
            identity:
              default_schema_id: code
              schemas:
                - id: code
                  url: base64://{Convert.ToBase64String(Encoding.UTF8.GetBytes(Schema))}
            selfservice:
              methods:
                code:
                  passwordless_enabled: true
              flows:
                registration:
                  after:
                    code:
                      hooks:
                        - hook: session
            """;
    }
}

/// <summary>Code sign-up renders from its nodes: the code button on the credential screen, then the code form.</summary>
public sealed class UiCodeSignUpTests(BuiltinUiCodeSignUpApp app) : IClassFixture<BuiltinUiCodeSignUpApp>
{
    [SkippableFact]
    public async Task SignUpWithAnEmailedCode_ShowsTheCodeForm_AndSignsIn()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var browser = new UiBrowser(app);
        var (_, html) = await browser.OpenAsync("/ui/registration");
        (_, html) = await browser.SubmitAsync(html, "/self-service/registration", new() { ["traits.email"] = email, ["method"] = "profile" });
        var credentials = html;

        (_, html) = await browser.SubmitAsync(html, "/self-service/registration", new() { ["method"] = "code" });
        var sent = html;
        (_, html) = await browser.SubmitAsync(html, "/self-service/registration", new() { ["method"] = "code", ["code"] = await app.LatestCodeAsync(email) });

        Assert.Contains("<button type=\"submit\" name=\"method\" value=\"code\"", credentials, StringComparison.Ordinal);
        Assert.Contains(">Send sign up code</button>", credentials, StringComparison.Ordinal);
        Assert.Contains("data-message-id=\"1040005\"", sent, StringComparison.Ordinal);
        Assert.Matches("<input type=\"text\" id=\"field-code\" name=\"code\" required=\"\"[^>]*>", sent);
        Assert.Contains($"<input type=\"hidden\" name=\"traits.email\" value=\"{email}\">", sent, StringComparison.Ordinal);
        Assert.Contains(">Resend code</button>", sent, StringComparison.Ordinal);
        Assert.Contains($"Signed in as <strong>{email}</strong>", html, StringComparison.Ordinal);
    }
}
