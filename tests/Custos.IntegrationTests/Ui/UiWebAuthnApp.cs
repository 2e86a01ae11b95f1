namespace Custos.IntegrationTests.Ui;

/// <summary>
/// The built-in UI with passkeys and security keys (second factor) for the RP <c>localhost</c> at the public URL's
/// origin; the email trait is also the security-key identifier and the passkey's display name.
/// </summary>
public sealed class BuiltinUiWebAuthnApp : BuiltinUiApp
{
    public const string Origin = "http://localhost:4433";

    private const string Schema = """
        {
          "$id": "https://example.com/webauthn.schema.json",
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "properties": {
            "traits": {
              "type": "object",
              "properties": {
                "email": {
                  "type": "string", "format": "email", "title": "E-Mail", "minLength": 3,
                  "ory.sh/kratos": {
                    "credentials": { "password": { "identifier": true }, "webauthn": { "identifier": true }, "passkey": { "display_name": true } }
                  }
                },
                "name": { "type": "object", "properties": { "first": { "type": "string" }, "last": { "type": "string" } } }
              },
              "required": ["email"],
              "additionalProperties": false
            }
          }
        }
        """;

    public BuiltinUiWebAuthnApp()
    {
        var schemaPath = Path.Combine(Path.GetDirectoryName(SchemaPath)!, "webauthn.schema.json");
        File.WriteAllText(schemaPath, Schema);
        ExtraYaml = $"""
            identity:
              default_schema_id: default
              schemas:
                - id: default
                  url: file://{schemaPath}
            selfservice:
              methods:
                passkey:
                  enabled: true
                  config:
                    rp:
                      id: localhost
                      display_name: Acme
                      origins: ["{Origin}"]
                webauthn:
                  enabled: true
                  config:
                    passwordless: false
                    rp:
                      id: localhost
                      display_name: Acme
                      origins: ["{Origin}"]
              flows:
                registration:
                  after:
                    passkey:
                      hooks:
                        - hook: session
            """;
    }
}
