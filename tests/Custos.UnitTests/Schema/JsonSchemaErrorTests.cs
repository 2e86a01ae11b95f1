using Custos.Schema.Validation;

namespace Custos.UnitTests.Schema;

public sealed class JsonSchemaErrorTests
{
    private static readonly JsonSchema Identity = JsonSchema.Load(SchemaJson.Parse("""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "properties": {
            "traits": {
              "type": "object",
              "properties": {
                "email": { "type": "string", "format": "email" },
                "name": { "type": "string", "minLength": 3 },
                "age": { "type": "integer" }
              },
              "required": ["email", "name"]
            }
          }
        }
        """));

    [Fact]
    public void Required_reports_one_error_per_missing_property_at_the_property_pointer()
    {
        var result = Identity.Validate(SchemaJson.Parse("""{ "traits": {} }"""));

        Assert.Equal(["/traits/email", "/traits/name"], result.Errors.Select(e => e.InstanceLocation));
        var error = result.Errors[0];
        Assert.Equal("required", error.Keyword);
        Assert.Equal("email", error.Context["property"]);
        Assert.Equal(["email"], (string[])error.Context["missing_properties"]!);
        Assert.Equal("#/properties/traits/required", error.KeywordLocation);
    }

    [Fact]
    public void MinLength_reports_limit_and_actual_length_in_code_points()
    {
        var result = Identity.Validate(SchemaJson.Parse("""{ "traits": { "email": "a@example.com", "name": "😀😀" } }"""));

        var error = Assert.Single(result.Errors);
        Assert.Equal("/traits/name", error.InstanceLocation);
        Assert.Equal("minLength", error.Keyword);
        Assert.Equal(3L, error.Context["min_length"]);
        Assert.Equal(2, error.Context["actual_length"]);
        Assert.Equal("length must be >= 3, but got 2", error.Message);
    }

    [Fact]
    public void Format_email_is_asserted_in_draft7()
    {
        var result = Identity.Validate(SchemaJson.Parse("""{ "traits": { "email": "not-an-email", "name": "Ada" } }"""));

        var error = Assert.Single(result.Errors);
        Assert.Equal("/traits/email", error.InstanceLocation);
        Assert.Equal("format", error.Keyword);
        Assert.Equal("email", error.Context["format"]);
        Assert.Equal("not-an-email", error.Context["value"]);
        Assert.Equal("\"not-an-email\" is not valid \"email\"", error.Message);
        Assert.Equal("#/properties/traits/properties/email/format", error.KeywordLocation);
    }

    [Fact]
    public void Type_reports_expected_and_actual_type()
    {
        var result = Identity.Validate(SchemaJson.Parse("""{ "traits": { "email": "a@example.com", "name": "Ada", "age": 1.5 } }"""));

        var error = Assert.Single(result.Errors);
        Assert.Equal("/traits/age", error.InstanceLocation);
        Assert.Equal("type", error.Keyword);
        Assert.Equal("integer", error.Context["expected_type"]);
        Assert.Equal("number", error.Context["actual_type"]);
        Assert.Equal("expected integer, but got number", error.Message);
    }

    [Fact]
    public void Integer_type_accepts_a_number_with_zero_fraction()
    {
        var result = Identity.Validate(SchemaJson.Parse("""{ "traits": { "email": "a@example.com", "name": "Ada", "age": 30.0 } }"""));

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Additional_properties_false_lists_the_rejected_names_on_the_object()
    {
        var schema = JsonSchema.Load(SchemaJson.Parse("""{ "properties": { "a": {} }, "additionalProperties": false }"""));

        var result = schema.Validate(SchemaJson.Parse("""{ "a": 1, "b": 2, "c": 3 }"""));

        var error = Assert.Single(result.Errors);
        Assert.Equal(string.Empty, error.InstanceLocation);
        Assert.Equal("additionalProperties \"b\", \"c\" not allowed", error.Message);
    }

    [Theory]
    [InlineData("+49 176 1234-5678", true)]
    [InlineData("(555) 123-4567", true)]
    [InlineData("not a phone", false)]
    [InlineData("12", false)]
    public void Tel_format_accepts_loosely_formatted_phone_numbers(string value, bool valid)
    {
        var schema = JsonSchema.Load(SchemaJson.Parse("""{ "type": "string", "format": "tel" }"""));

        var result = schema.Validate(SchemaJson.Parse(System.Text.Json.JsonSerializer.Serialize(value)));

        Assert.Equal(valid, result.IsValid);
    }

    [Fact]
    public void No_validate_format_accepts_anything()
    {
        var schema = JsonSchema.Load(SchemaJson.Parse("""{ "type": "string", "format": "no-validate" }"""));

        Assert.True(schema.Validate(SchemaJson.Parse("\"anything at all\"")).IsValid);
    }

    [Fact]
    public void Format_is_only_an_annotation_in_2020_12()
    {
        var schema = JsonSchema.Load(SchemaJson.Parse("""
            { "$schema": "https://json-schema.org/draft/2020-12/schema", "format": "email" }
            """));

        Assert.True(schema.Validate(SchemaJson.Parse("\"nope\"")).IsValid);
    }
}
