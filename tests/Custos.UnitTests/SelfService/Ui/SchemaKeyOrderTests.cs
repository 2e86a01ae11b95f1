using System.Text.Json;
using Custos.SelfService.Ui;

namespace Custos.UnitTests.SelfService.Ui;

// Kratos's schema.GetKeysInOrder: the schema file as written, objects by "type": "object" only.
public sealed class SchemaKeyOrderTests
{
    [Fact]
    public void NestedTraits_InDocumentOrder()
    {
        Assert.Equal(["traits.email", "traits.name.first", "traits.name.last", "traits.age"], Keys("""
            {"type":"object","properties":{"traits":{"type":"object","properties":{
              "email":{"type":"string"},
              "name":{"type":"object","properties":{"first":{"type":"string"},"last":{"type":"string"}}},
              "age":{"type":"integer"}}}}}
            """));
    }

    [Fact]
    public void RefsAreNotFollowed_AnUntypedPropertyIsAKey()
    {
        Assert.Equal(["traits"], Keys("""
            {"type":"object","definitions":{"t":{"type":"object","properties":{"email":{"type":"string"}}}},
             "properties":{"traits":{"$ref":"#/definitions/t"}}}
            """));
        Assert.Equal(["traits.email", "traits.tags"], Keys("""
            {"type":"object","properties":{"traits":{"type":"object","properties":{"email":{"$ref":"#/definitions/e"},"tags":{"type":"array","items":{"type":"object"}}}}}}
            """));
    }

    [Fact]
    public void DotsInNamesAreEscaped_TypeListsAreNotObjects()
    {
        Assert.Equal(["traits.a\\.b", "traits.c"], Keys("""
            {"type":"object","properties":{"traits":{"type":"object","properties":{"a.b":{"type":"string"},"c":{"type":["object"],"properties":{"d":{}}}}}}}
            """));
    }

    [Fact]
    public void RootWithoutObjectType_IsTheEmptyKey()
    {
        Assert.Equal([""], Keys("""{"properties":{"traits":{"type":"object"}}}"""));
    }

    private static IReadOnlyList<string> Keys(string schema) => SchemaKeyOrder.Of(JsonDocument.Parse(schema).RootElement);
}
