using System.Text;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.Code;

/// <summary>An app whose identity schema marks an e-mail and a phone trait as code addresses.</summary>
internal static class CodeApp
{
    public const string Schema = """
    {
      "$id": "https://example.com/code.schema.json",
      "$schema": "http://json-schema.org/draft-07/schema#",
      "type": "object",
      "properties": {
        "traits": {
          "type": "object",
          "properties": {
            "email": {
              "type": "string", "format": "email", "title": "E-Mail",
              "ory.sh/kratos": {
                "credentials": { "password": { "identifier": true }, "code": { "identifier": true, "via": "email" } },
                "verification": { "via": "email" }
              }
            },
            "phone": {
              "type": "string",
              "ory.sh/kratos": { "credentials": { "code": { "identifier": true, "via": "sms" } } }
            },
            "backup": {
              "type": "string", "format": "email",
              "ory.sh/kratos": { "credentials": { "code": { "identifier": true, "via": "email" } } }
            },
            "pigeon": {
              "type": "string",
              "ory.sh/kratos": { "credentials": { "code": { "identifier": true, "via": "carrier-pigeon" } } }
            }
          },
          "required": ["email"],
          "additionalProperties": false
        }
      }
    }
    """;

    /// <summary>
    /// The app with the code schema as default (and <c>legacy</c>, the e-mail/password schema without code addresses);
    /// <paramref name="extraYaml"/> is appended as top-level YAML (e.g. <c>courier:</c>).
    /// </summary>
    public static CustosAppFactory Create(string extraYaml = "", bool watchCourier = false, bool fallback = false, bool identifierFirst = false) => new()
    {
        WatchCourier = watchCourier,
        ExtraYaml = $"""
            secrets:
              default:
                - a-default-secret-of-32-characters
            identity:
              default_schema_id: code
              schemas:
                - id: code
                  url: base64://{Base64(Schema)}
                - id: legacy
                  url: base64://{Base64(TestSchemas.EmailPassword)}
            selfservice:
              methods:
                code:
                  passwordless_enabled: true
                  config:
                    missing_credential_fallback_enabled: {(fallback ? "true" : "false")}
              flows:
                login:
                  style: {(identifierFirst ? "identifier_first" : "unified")}

            """ + extraYaml,
    };

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
