namespace Custos.IntegrationTests.Infrastructure;

/// <summary>Identity schemas used by the tests.</summary>
internal static class TestSchemas
{
    public const string EmailPassword = """
    {
      "$id": "https://example.com/test.schema.json",
      "$schema": "http://json-schema.org/draft-07/schema#",
      "type": "object",
      "properties": {
        "traits": {
          "type": "object",
          "properties": {
            "email": {
              "type": "string", "format": "email", "title": "E-Mail", "minLength": 3,
              "ory.sh/kratos": {
                "credentials": { "password": { "identifier": true } },
                "verification": { "via": "email" },
                "recovery": { "via": "email" }
              }
            },
            "name": { "type": "object", "properties": { "first": { "type": "string" }, "last": { "type": "string" } } },
            "age": { "type": "integer", "minimum": 0 }
          },
          "required": ["email"],
          "additionalProperties": false
        }
      }
    }
    """;
}
