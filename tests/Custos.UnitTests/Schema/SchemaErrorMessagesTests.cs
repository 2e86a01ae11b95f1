using Custos.Schema;
using Custos.Schema.Validation;

namespace Custos.UnitTests.Schema;

public sealed class SchemaErrorMessagesTests
{
    private static SchemaError SingleError(string schema, string instance) =>
        Assert.Single(JsonSchema.Load(SchemaJson.Parse(schema)).Validate(SchemaJson.Parse(instance)).Errors);

    [Fact]
    public void Required_maps_to_4000002_on_the_missing_property()
    {
        var text = SchemaErrorMessages.ToUiText(SingleError("""{ "required": ["email"] }""", "{}"));

        Assert.Equal(4000002, text.Id);
        Assert.Equal("Property email is missing.", text.Text);
        Assert.Equal("error", text.Type);
        Assert.Equal("email", text.Context!["property"]);
    }

    [Fact]
    public void MinLength_maps_to_4000003()
    {
        var text = SchemaErrorMessages.ToUiText(SingleError("""{ "minLength": 8 }""", "\"abc\""));

        Assert.Equal(4000003, text.Id);
        Assert.Equal("length must be >= 8, but got 3", text.Text);
        Assert.Equal(8L, text.Context!["min_length"]);
        Assert.Equal(3L, text.Context["actual_length"]);
    }

    [Fact]
    public void MaxLength_maps_to_4000017()
    {
        var text = SchemaErrorMessages.ToUiText(SingleError("""{ "maxLength": 2 }""", "\"abc\""));

        Assert.Equal(4000017, text.Id);
        Assert.Equal("length must be <= 2, but got 3", text.Text);
    }

    [Fact]
    public void Pattern_maps_to_4000004()
    {
        var text = SchemaErrorMessages.ToUiText(SingleError("""{ "pattern": "^[0-9]+$" }""", "\"abc\""));

        Assert.Equal(4000004, text.Id);
        Assert.Equal("does not match pattern \"^[0-9]+$\"", text.Text);
        Assert.Equal("^[0-9]+$", text.Context!["pattern"]);
    }

    [Fact]
    public void Format_maps_to_the_generic_message_with_the_validator_reason()
    {
        var text = SchemaErrorMessages.ToUiText(SingleError("""{ "format": "email" }""", "\"foo\""));

        Assert.Equal(4000001, text.Id);
        Assert.Equal("\"foo\" is not valid \"email\"", text.Text);
        Assert.Equal(text.Text, text.Context!["reason"]);
    }

    [Fact]
    public void Type_maps_to_4000026()
    {
        var text = SchemaErrorMessages.ToUiText(SingleError("""{ "type": ["string", "null"] }""", "12"));

        Assert.Equal(4000026, text.Id);
        Assert.Equal("expected string or null, but got number", text.Text);
        Assert.Equal(new[] { "string", "null" }, text.Context!["allowed_types"]);
        Assert.Equal("number", text.Context["actual_type"]);
    }

    [Theory]
    [InlineData("""{ "minimum": 18 }""", "5", 4000018, "must be >= 18 but found 5")]
    [InlineData("""{ "exclusiveMinimum": 5 }""", "5", 4000019, "must be > 5 but found 5")]
    [InlineData("""{ "maximum": 5 }""", "6.5", 4000020, "must be <= 5 but found 6.5")]
    [InlineData("""{ "exclusiveMaximum": 1000000 }""", "1000000", 4000021, "must be < 1e+06 but found 1e+06")]
    [InlineData("""{ "multipleOf": 3 }""", "7", 4000022, "7 not multipleOf 3")]
    [InlineData("""{ "maxItems": 1 }""", "[1, 2]", 4000023, "maximum 1 items allowed, but found 2 items")]
    [InlineData("""{ "minItems": 3 }""", "[1, 2]", 4000024, "minimum 3 items allowed, but found 2 items")]
    [InlineData("""{ "uniqueItems": true }""", "[1, 2, 1]", 4000025, "items at index 0 and 2 are equal")]
    [InlineData("""{ "const": "x" }""", "\"y\"", 4000029, "must be equal to constant \"x\"")]
    [InlineData("""{ "const": { "a": 1 } }""", "1", 4000030, "const failed")]
    [InlineData("""{ "enum": ["a", "b"] }""", "\"c\"", 4000001, "value must be one of \"a\", \"b\"")]
    public void Keyword_maps_to_its_kratos_message(string schema, string instance, long id, string text)
    {
        var message = SchemaErrorMessages.ToUiText(SingleError(schema, instance));

        Assert.Equal(id, message.Id);
        Assert.Equal(text, message.Text);
    }
}
