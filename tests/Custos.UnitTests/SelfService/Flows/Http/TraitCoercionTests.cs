using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.SelfService.Flows.Http;

namespace Custos.UnitTests.SelfService.Flows.Http;

public sealed class TraitCoercionTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse("""
        {"properties":{"traits":{"type":"object","required":["email","tos","age"],"properties":{
          "email":{"type":"string","format":"email"},
          "age":{"type":"integer"}, "height":{"type":"number"}, "tos":{"type":"boolean"}, "newsletter":{"type":"boolean"},
          "nick":{"type":"string"}, "score":{"type":"number"},
          "tags":{"type":"array","items":{"type":"string"}}, "lucky":{"type":"array","items":{"type":"integer"}},
          "name":{"type":"object","properties":{"first":{"type":"string"},"born":{"type":"integer"}}}
        }}}}
        """).RootElement.Clone();

    [Fact]
    public void Strings_BecomeSchemaTypes()
    {
        var payload = Payload("""{"traits":{"email":"a@b.c","age":"42","height":"1.85","tos":"true","newsletter":"0","tags":"x","lucky":["7","8"],"name":{"born":"1815"}}}""");

        FlowPayloadReader.CoerceTraits(payload, Schema);

        Assert.Equal("""{"traits":{"email":"a@b.c","age":42,"height":1.85,"tos":true,"newsletter":false,"tags":["x"],"lucky":[7,8],"name":{"born":1815}}}""",
            payload.ToJsonString());
    }

    [Fact]
    public void EmptyStrings_OptionalDropped_RequiredNonStringDefaulted()
    {
        var payload = Payload("""{"traits":{"email":"a@b.c","age":"","tos":"","newsletter":"","score":"","nick":""}}""");

        FlowPayloadReader.CoerceTraits(payload, Schema);

        Assert.Equal("""{"traits":{"email":"a@b.c","age":0,"tos":false}}""", payload.ToJsonString());
    }

    [Fact]
    public void EmptyStrings_InJson_KeepStringTraits()
    {
        var payload = Payload("""{"traits":{"email":"","nick":"","score":""}}""");

        FlowPayloadReader.CoerceTraits(payload, Schema, form: false);

        Assert.Equal("""{"traits":{"email":"","nick":""}}""", payload.ToJsonString());
    }

    [Fact]
    public void Unconvertible_IsLeftForValidation()
    {
        var payload = Payload("""{"traits":{"age":"forty","tos":"on","height":"NaN"}}""");

        FlowPayloadReader.CoerceTraits(payload, Schema);

        Assert.Equal("""{"traits":{"age":"forty","tos":"on","height":"NaN"}}""", payload.ToJsonString());
    }

    [Fact]
    public void RepeatedScalars_BooleanTakesTheLast_OthersTheFirst()
    {
        var payload = Payload("""{"traits":{"tos":["false","true"],"nick":["a","b"]}}""");

        FlowPayloadReader.CoerceTraits(payload, Schema);

        Assert.Equal("""{"traits":{"tos":true,"nick":"a"}}""", payload.ToJsonString());
    }

    [Fact]
    public void NonStringValues_AreUntouched()
    {
        var payload = Payload("""{"traits":{"age":7,"tos":true},"method":"password"}""");

        FlowPayloadReader.CoerceTraits(payload, Schema);

        Assert.Equal("""{"traits":{"age":7,"tos":true},"method":"password"}""", payload.ToJsonString());
    }

    private static JsonObject Payload(string json) => JsonNode.Parse(json)!.AsObject();
}
