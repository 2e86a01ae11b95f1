using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.Identity;

namespace Custos.UnitTests.Identity;

public sealed class JsonPatchParserTests
{
    [Theory]
    [InlineData("""{"op":"replace","path":"/traits","value":{}}""", "json: cannot unmarshal object into Go value of type []identity.patchOp")]
    [InlineData("\"add\"", "json: cannot unmarshal string into Go value of type []identity.patchOp")]
    [InlineData("[1]", "json: cannot unmarshal number into Go value of type identity.patchOp")]
    [InlineData("""[["op","add"]]""", "json: cannot unmarshal array into Go value of type identity.patchOp")]
    [InlineData("""[{"op":1,"path":"/traits"}]""", "json: cannot unmarshal number into Go struct field patchOp.op of type string")]
    [InlineData("""[{"op":true,"path":"/traits","value":1}]""", "json: cannot unmarshal bool into Go struct field patchOp.op of type string")]
    [InlineData("""[{"op":"replace","path":5,"value":1}]""", "json: cannot unmarshal number into Go struct field patchOp.path of type string")]
    [InlineData("""[{"op":"replace","path":["traits"],"value":1}]""", "json: cannot unmarshal array into Go struct field patchOp.path of type string")]
    [InlineData("""[{"op":"add","path":"/traits/a","value":1,"from":{}}]""", "json: cannot unmarshal object into Go struct field patchOp.from of type string")]
    // Kratos decodes the whole document before it looks at any operation.
    [InlineData("""[{"op":"move","path":"/a"},{"op":"add","path":7}]""", "json: cannot unmarshal number into Go struct field patchOp.path of type string")]
    public void WrongTypes_AreUnmarshalErrors(string patch, string message)
    {
        var error = Assert.Throws<CustosException>(() => JsonPatchParser.Parse(JsonNode.Parse(patch)));

        Assert.Equal(400, error.Code);
        Assert.Equal(JsonPatchParser.UnmarshalFailed, error.Reason);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("""[{"path":"/traits","value":1}]""", "unsupported operation: unknown")]
    [InlineData("""[{"op":null,"path":"/traits","value":1}]""", "unsupported operation: unknown")]
    [InlineData("[null]", "unsupported operation: unknown")]
    [InlineData("""[{"op":"upsert","path":"/traits","value":1}]""", "unsupported operation: upsert")]
    [InlineData("""[{"op":"ADD","path":"/traits","value":1}]""", "unsupported operation: ADD")]
    [InlineData("""[{"op":"move","from":"/traits/a","path":"/traits/b"}]""", "unsupported operation: move")]
    [InlineData("""[{"op":"copy","from":"/traits/a","path":"/traits/b"}]""", "unsupported operation: copy")]
    [InlineData("""[{"op":"test","path":"/traits/a","value":1}]""", "unsupported operation: test")]
    [InlineData("""[{"op":"remove"}]""", "error parsing patch operations: operation missing path field")]
    [InlineData("""[{"op":"add","path":null,"value":1}]""", "error parsing patch operations: operation missing path field")]
    [InlineData("""[{"op":"add","path":"/traits/a"}]""", "the \"add\" operation on \"/traits/a\" has no \"value\" member")]
    [InlineData("""[{"op":"replace","path":"/traits/a"}]""", "the \"replace\" operation on \"/traits/a\" has no \"value\" member")]
    [InlineData("""[{"op":"add","path":"traits/a","value":1}]""", "invalid JSON pointer \"traits/a\": it must be empty or start with \"/\"")]
    [InlineData("""[{"op":"add","path":"/traits/a~2b","value":1}]""", "invalid JSON pointer \"/traits/a~2b\": \"~\" must be followed by 0 or 1")]
    [InlineData("""[{"op":"add","path":"/traits/a~","value":1}]""", "invalid JSON pointer \"/traits/a~\": \"~\" must be followed by 0 or 1")]
    public void MalformedOperations_AreApplyErrors(string patch, string message)
    {
        var error = Assert.Throws<CustosException>(() => JsonPatchParser.Parse(JsonNode.Parse(patch)));

        Assert.Equal(400, error.Code);
        Assert.Equal(JsonPatchParser.ApplyFailed, error.Reason);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void WellFormedOperations_AreParsed_NullValueAndUnusedFromKept()
    {
        var patch = JsonNode.Parse("""
            [{"op":"add","path":"/metadata_public","value":null,"from":"/ignored"},
             {"op":"replace","path":"/traits/a~1b~0c","value":{"x":1}},
             {"op":"remove","path":"/metadata_admin","value":"ignored"},
             {"op":"add","path":"","value":{}}]
            """);

        var operations = JsonPatchParser.Parse(patch);

        Assert.Equal(["add", "replace", "remove", "add"], operations.Select(o => o.Op));
        Assert.Equal(["/metadata_public", "/traits/a~1b~0c", "/metadata_admin", ""], operations.Select(o => o.Path));
        Assert.Null(operations[0].Value);
        Assert.Equal("""{"x":1}""", operations[1].Value!.ToJsonString());
    }

    [Fact]
    public void EmptyPatch_HasNoOperations()
    {
        Assert.Empty(JsonPatchParser.Parse(new JsonArray()));
    }

    [Theory]
    [InlineData("/id")]
    [InlineData("/credentials")]
    [InlineData("/credentials/oidc/config/providers/0/subject")]
    public void Apply_DeniedPath_IsRefusedBeforeAnyOperationRuns(string path)
    {
        var document = JsonNode.Parse("""{"id":"a","traits":{"email":"x"}}""")!;
        var patch = JsonPatchParser.Parse(JsonNode.Parse($$"""[{"op":"replace","path":"/traits/email","value":"y"},{"op":"replace","path":"{{path}}","value":"z"}]"""));

        var error = Assert.Throws<CustosException>(() => JsonPatch.Apply(document, patch, p => p.StartsWith(path, StringComparison.Ordinal)));

        Assert.Equal(JsonPatchParser.ApplyFailed, error.Reason);
        Assert.Equal($"patch includes denied path: {path}", error.Message);
        Assert.Equal("x", document["traits"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public void Apply_ReplaceOfAMissingMember_Adds()
    {
        var document = JsonNode.Parse("""{"traits":{"email":"x"}}""")!;

        var patched = JsonPatch.Apply(document, JsonPatchParser.Parse(JsonNode.Parse("""[{"op":"replace","path":"/traits/name","value":"Ada"}]""")), _ => false);

        Assert.Equal("""{"traits":{"email":"x","name":"Ada"}}""", patched!.ToJsonString());
    }
}
