using System.Text;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.Code;

/// <summary>
/// The app for sign-up by code: <c>passwordless_enabled</c>, the session hook after <c>code</c> registrations, the code
/// schema (<see cref="CodeApp.Schema"/>) as default, and two schemas a registration may pick with
/// <c>?identity_schema=</c>: <c>legacy</c> (no code address) and <c>sms</c> (a phone number only).
/// </summary>
public class CodeRegistrationApp : CustosAppFactory
{
    public const string SmsSchema = """
    {
      "$id": "https://example.com/sms.schema.json",
      "$schema": "http://json-schema.org/draft-07/schema#",
      "type": "object",
      "properties": {
        "traits": {
          "type": "object",
          "properties": {
            "phone": {
              "type": "string", "format": "tel", "title": "Phone",
              "ory.sh/kratos": { "credentials": { "code": { "identifier": true, "via": "sms" } }, "verification": { "via": "sms" } }
            }
          },
          "required": ["phone"],
          "additionalProperties": false
        }
      }
    }
    """;

    /// <summary>The fixture of the race tests: unified style and the highest <c>max_submissions</c>, so 50 parallel uses all reach the code.</summary>
    public CodeRegistrationApp()
        : this("unified", maxSubmissions: 255)
    {
    }

    /// <param name="style"><c>selfservice.flows.registration.style</c>.</param>
    /// <param name="maxSubmissions"><c>selfservice.methods.code.config.max_submissions</c>.</param>
    /// <param name="extraYaml">top-level YAML appended as is (e.g. <c>courier:</c>).</param>
    // Internal: an xunit class fixture may have only one public constructor.
    internal CodeRegistrationApp(string style, int maxSubmissions = 5, string extraYaml = "")
    {
        ExtraYaml = $"""
            secrets:
              default:
                - a-default-secret-of-32-characters
            identity:
              default_schema_id: code
              schemas:
                - id: code
                  url: base64://{Base64(CodeApp.Schema)}
                - id: legacy
                  url: base64://{Base64(TestSchemas.EmailPassword)}
                  selfservice_selectable: true
                - id: sms
                  url: base64://{Base64(SmsSchema)}
                  selfservice_selectable: true
            selfservice:
              methods:
                code:
                  passwordless_enabled: true
                  config:
                    max_submissions: {maxSubmissions}
              flows:
                registration:
                  style: {style}
                  after:
                    code:
                      hooks:
                        - hook: session

            """ + extraYaml;
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}

public sealed class CodeRegistrationPostgresApp : CodeRegistrationApp
{
    public CodeRegistrationPostgresApp()
    {
        UsePostgres();
    }
}
