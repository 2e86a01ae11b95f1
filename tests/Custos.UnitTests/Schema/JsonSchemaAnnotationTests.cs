using Custos.Schema.Validation;

namespace Custos.UnitTests.Schema;

public sealed class JsonSchemaAnnotationTests
{
    private static readonly string[] Kratos = ["ory.sh/kratos"];

    [Fact]
    public void Annotations_are_collected_through_properties_nested_objects_ref_and_allOf()
    {
        var schema = JsonSchema.Load(SchemaJson.Parse("""
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "definitions": {
                "phone": { "type": "string", "ory.sh/kratos": { "verification": { "via": "sms" } } }
              },
              "type": "object",
              "properties": {
                "traits": {
                  "type": "object",
                  "properties": {
                    "email": { "type": "string", "format": "email",
                               "ory.sh/kratos": { "credentials": { "password": { "identifier": true } } } },
                    "name": { "type": "object", "properties": {
                      "first": { "type": "string", "ory.sh/kratos": { "credentials": { "totp": { "account_name": true } } } } } },
                    "phone": { "$ref": "#/definitions/phone" },
                    "username": { "allOf": [ { "type": "string" }, { "ory.sh/kratos": { "credentials": { "code": { "identifier": true } } } } ] }
                  }
                }
              }
            }
            """));

        var result = schema.Validate(SchemaJson.Parse("""
            { "traits": { "email": "a@example.com", "name": { "first": "Ada" }, "phone": "+4917612345678", "username": "ada" } }
            """), Kratos);

        Assert.True(result.IsValid);
        var byLocation = result.Annotations.ToDictionary(a => a.InstanceLocation, a => a.KeywordValue.GetRawText());
        Assert.Equal(4, result.Annotations.Count);
        Assert.Contains("password", byLocation["/traits/email"], StringComparison.Ordinal);
        Assert.Contains("totp", byLocation["/traits/name/first"], StringComparison.Ordinal);
        Assert.Contains("sms", byLocation["/traits/phone"], StringComparison.Ordinal);
        Assert.Contains("code", byLocation["/traits/username"], StringComparison.Ordinal);
        Assert.All(result.Annotations, a => Assert.Equal("ory.sh/kratos", a.Keyword));
        Assert.Equal("a@example.com", result.Annotations.Single(a => a.InstanceLocation == "/traits/email").Instance.GetString());
    }

    [Fact]
    public void Annotations_of_failing_anyOf_branches_are_dropped()
    {
        var schema = JsonSchema.Load(SchemaJson.Parse("""
            { "anyOf": [
                { "type": "string", "ory.sh/kratos": { "branch": "string" } },
                { "type": "number", "ory.sh/kratos": { "branch": "number" } } ] }
            """));

        var result = schema.Validate(SchemaJson.Parse("42"), Kratos);

        var annotation = Assert.Single(result.Annotations);
        Assert.Equal("""{ "branch": "number" }""", annotation.KeywordValue.GetRawText());
        Assert.Equal(string.Empty, annotation.InstanceLocation);
    }

    [Fact]
    public void Annotations_are_reported_for_array_items()
    {
        var schema = JsonSchema.Load(SchemaJson.Parse("""
            { "type": "array", "items": { "type": "string", "ory.sh/kratos": { "recovery": { "via": "email" } } } }
            """));

        var result = schema.Validate(SchemaJson.Parse("""["a@example.com", "b@example.com"]"""), Kratos);

        Assert.Equal(["/0", "/1"], result.Annotations.Select(a => a.InstanceLocation));
    }

    [Fact]
    public void No_annotations_are_collected_unless_requested()
    {
        var schema = JsonSchema.Load(SchemaJson.Parse("""{ "ory.sh/kratos": { "x": 1 } }"""));

        var result = schema.Validate(SchemaJson.Parse("{}"));

        Assert.Empty(result.Annotations);
    }
}
