namespace Custos.IntegrationTests.Schema;

/// <summary>Identity schemas the stored-schema tests PUT through the admin API.</summary>
internal static class StoredSchemas
{
    /// <summary>A username schema; <paramref name="minLength"/> lets a replacement tighten the rules.</summary>
    public static string Username(int minLength = 3) => $$"""
    {
      "$schema": "http://json-schema.org/draft-07/schema#",
      "type": "object",
      "properties": {
        "traits": {
          "type": "object",
          "properties": {
            "username": {
              "type": "string", "minLength": {{minLength}},
              "ory.sh/kratos": { "credentials": { "password": { "identifier": true } } }
            }
          },
          "required": ["username"],
          "additionalProperties": false
        }
      }
    }
    """;

    public static string NewId() => "stored-" + Guid.NewGuid().ToString("N")[..10];

    public static string IdentityWith(string schemaId, string username) =>
        $$$"""{"schema_id":"{{{schemaId}}}","traits":{"username":"{{{username}}}"}}""";
}
