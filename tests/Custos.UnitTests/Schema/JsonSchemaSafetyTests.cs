using System.Text.Json;
using Custos.Schema.Validation;

namespace Custos.UnitTests.Schema;

public sealed class JsonSchemaSafetyTests
{
    [Fact]
    public void Catastrophic_pattern_times_out_into_a_validation_error()
    {
        var options = new SchemaLoadOptions { RegexTimeout = TimeSpan.FromMilliseconds(20) };
        var schema = JsonSchema.Load(SchemaJson.Parse("""{ "type": "string", "pattern": "^(a+)+$" }"""), options: options);
        var input = JsonSerializer.Serialize(new string('a', 40) + "!");

        var result = schema.Validate(SchemaJson.Parse(input));

        var error = Assert.Single(result.Errors);
        Assert.Equal("pattern", error.Keyword);
        Assert.Equal(true, error.Context["timed_out"]);
    }

    [Fact]
    public void Self_referencing_schema_is_reported_as_a_cycle()
    {
        var schema = JsonSchema.Load(SchemaJson.Parse("""{ "$ref": "#" }"""));

        var result = schema.Validate(SchemaJson.Parse("{}"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("$ref", error.Keyword);
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Branching_ref_cycle_terminates_quickly()
    {
        var schema = JsonSchema.Load(SchemaJson.Parse("""{ "anyOf": [ { "$ref": "#" }, { "$ref": "#" }, { "allOf": [ { "$ref": "#" } ] } ] }"""));

        var result = schema.Validate(SchemaJson.Parse("1"));

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Recursion_that_descends_into_the_instance_is_allowed()
    {
        var schema = JsonSchema.Load(SchemaJson.Parse("""
            { "type": "object", "properties": { "child": { "$ref": "#" }, "name": { "type": "string" } } }
            """));

        Assert.True(schema.Validate(SchemaJson.Parse("""{ "child": { "child": { "name": "leaf" } } }""")).IsValid);
        Assert.False(schema.Validate(SchemaJson.Parse("""{ "child": { "child": { "name": 1 } } }""")).IsValid);
    }

    [Fact]
    public void Evaluation_depth_is_limited()
    {
        var options = new SchemaLoadOptions { MaxEvaluationDepth = 8 };
        var schema = JsonSchema.Load(SchemaJson.Parse("""{ "items": { "$ref": "#" } }"""), options: options);

        var result = schema.Validate(SchemaJson.Parse(new string('[', 12) + new string(']', 12)));

        Assert.Contains(result.Errors, e => e.Message.Contains("maximum depth of 8", StringComparison.Ordinal));
    }

    [Fact]
    public void Mutually_recursive_definitions_are_stopped_by_the_depth_limit()
    {
        var schema = JsonSchema.Load(SchemaJson.Parse("""
            { "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$defs": { "a": { "$ref": "#/$defs/b" }, "b": { "$ref": "#/$defs/a" } },
              "$ref": "#/$defs/a" }
            """));

        var result = schema.Validate(SchemaJson.Parse("1"));

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Ref_to_another_host_is_refused_without_a_resolver()
    {
        var schema = SchemaJson.Parse("""{ "properties": { "x": { "$ref": "https://evil.example/x.json" } } }""");

        var error = Assert.Throws<SchemaLoadException>(() => JsonSchema.Load(schema));

        Assert.Contains("https://evil.example/x.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ref_to_another_host_is_refused_when_the_resolver_does_not_know_it()
    {
        var schema = SchemaJson.Parse("""{ "$ref": "https://evil.example/x.json#/definitions/a" }""");

        Assert.Throws<SchemaLoadException>(() => JsonSchema.Load(schema, new Uri("https://schemas.example/identity.json"), new MapResolver()));
    }

    [Fact]
    public void Ref_to_another_document_is_loaded_through_the_resolver()
    {
        var resolver = new MapResolver { ["https://schemas.example/defs.json"] = """{ "definitions": { "short": { "maxLength": 2 } } }""" };
        var schema = JsonSchema.Load(SchemaJson.Parse("""{ "$ref": "defs.json#/definitions/short" }"""),
            new Uri("https://schemas.example/identity.json"), resolver);

        Assert.True(schema.Validate(SchemaJson.Parse("\"ab\"")).IsValid);
        Assert.False(schema.Validate(SchemaJson.Parse("\"abc\"")).IsValid);
    }

    [Fact]
    public void Ref_to_the_draft7_meta_schema_uses_the_embedded_copy()
    {
        var schema = JsonSchema.Load(SchemaJson.Parse("""{ "$ref": "http://json-schema.org/draft-07/schema#" }"""));

        Assert.True(schema.Validate(SchemaJson.Parse("""{ "minLength": 1 }""")).IsValid);
        Assert.False(schema.Validate(SchemaJson.Parse("""{ "minLength": -1 }""")).IsValid);
    }

    [Fact]
    public void Unknown_anchor_fails_to_load()
    {
        Assert.Throws<SchemaLoadException>(() => JsonSchema.Load(SchemaJson.Parse("""{ "$ref": "#/definitions/missing" }""")));
    }

    [Fact]
    public void Invalid_pattern_fails_to_load()
    {
        Assert.Throws<SchemaLoadException>(() => JsonSchema.Load(SchemaJson.Parse("""{ "pattern": "(" }""")));
    }

    private sealed class MapResolver : Dictionary<string, string>, ISchemaDocumentResolver
    {
        public JsonElement? Resolve(Uri documentUri) =>
            TryGetValue(documentUri.AbsoluteUri, out var json) ? SchemaJson.Parse(json) : null;
    }
}
