using System.Text;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.WebAuthn;

/// <summary>
/// The <c>webauthn</c> method on (as second factor; <see cref="WebAuthnPasswordlessApp"/> as first factor) with RP
/// <c>localhost</c> and origin <see cref="Origin"/>, and a schema whose e-mail is both password and webauthn identifier.
/// </summary>
public class WebAuthnApp : CustosAppFactory
{
    public const string Origin = "http://localhost:4455";

    public const string Schema = """
    {
      "$id": "https://example.com/webauthn.schema.json",
      "$schema": "http://json-schema.org/draft-07/schema#",
      "type": "object",
      "properties": {
        "traits": {
          "type": "object",
          "properties": {
            "email": {
              "type": "string", "format": "email", "title": "E-Mail",
              "ory.sh/kratos": { "credentials": { "password": { "identifier": true }, "webauthn": { "identifier": true } } }
            }
          },
          "required": ["email"],
          "additionalProperties": false
        }
      }
    }
    """;

    /// <summary>A schema without a webauthn identifier: no key can be added (4000009).</summary>
    public const string PasswordOnlySchema = """
    {
      "$id": "https://example.com/password.schema.json",
      "$schema": "http://json-schema.org/draft-07/schema#",
      "type": "object",
      "properties": {
        "traits": {
          "type": "object",
          "properties": {
            "email": { "type": "string", "format": "email", "ory.sh/kratos": { "credentials": { "password": { "identifier": true } } } }
          },
          "required": ["email"]
        }
      }
    }
    """;

    public WebAuthnApp()
        : this(passwordless: false)
    {
    }

    /// <param name="passwordless"><c>selfservice.methods.webauthn.config.passwordless</c>.</param>
    /// <param name="loginStyle"><c>selfservice.flows.login.style</c>.</param>
    // Internal: an xunit class fixture may have only one public constructor.
    internal WebAuthnApp(bool passwordless, string loginStyle = "unified")
    {
        ExtraYaml = $"""
            selfservice:
              methods:
                webauthn:
                  enabled: true
                  config:
                    passwordless: {(passwordless ? "true" : "false")}
                    rp:
                      id: localhost
                      display_name: Custos Test
                      origins:
                        - {Origin}
              flows:
                login:
                  style: {loginStyle}
                registration:
                  after:
                    webauthn:
                      hooks:
                        - hook: session
            identity:
              default_schema_id: default
              schemas:
                - id: default
                  url: base64://{Base64(Schema)}
                - id: password-only
                  url: base64://{Base64(PasswordOnlySchema)}
            """;
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}

/// <summary><see cref="WebAuthnApp"/> on PostgreSQL.</summary>
public sealed class WebAuthnPostgresApp : WebAuthnApp
{
    public WebAuthnPostgresApp()
    {
        UsePostgres();
    }
}
