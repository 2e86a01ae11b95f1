using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.SelfService.Ui;
using Custos.UnitTests.Config;

namespace Custos.UnitTests.SelfService.Ui;

public sealed class TraitNodesTests
{
    [Fact]
    public void EmailPasswordQuickstart_BuildsEmailAndNameNodesInSchemaOrder()
    {
        var schema = Quickstart("email-password");

        var nodes = TraitNodes.FromSchema(schema, UiNodeGroup.Default);

        Assert.Equal(["traits.email", "traits.name.first", "traits.name.last"], nodes.Select(n => n.Key));
        Assert.Equal(
            """{"type":"input","group":"default","attributes":{"name":"traits.email","type":"email","required":true,"autocomplete":"email","disabled":false,"node_type":"input"},"messages":[],"meta":{"label":{"id":1070002,"text":"E-Mail","type":"info","context":{"name":"traits.email","title":"E-Mail"}}}}""",
            nodes[0].ToJson().ToJsonString());
        Assert.Equal(
            """{"name":"traits.name.first","type":"text","disabled":false,"node_type":"input"}""",
            nodes[1].Attributes.ToJsonString());
        Assert.Equal("First Name", nodes[1].Label!.Text);
    }

    [Theory]
    [InlineData("all-strategies")]
    [InlineData("email-password")]
    [InlineData("passkey")]
    [InlineData("phone-password")]
    [InlineData("webauthn")]
    public void EveryQuickstartSchema_YieldsTraitNodes(string quickstart)
    {
        var schema = Quickstart(quickstart);

        var nodes = TraitNodes.FromSchema(schema, UiNodeGroup.Profile);

        Assert.NotEmpty(nodes);
        Assert.All(nodes, n => Assert.StartsWith("traits.", n.Key, StringComparison.Ordinal));
        Assert.All(nodes, n => Assert.Equal(UiNodeGroup.Profile, n.Group));
        Assert.Equal(nodes.Select(n => n.Key), TraitNodes.KeysInOrder(schema));
    }

    [Fact]
    public void Traits_PrefillValues()
    {
        var traits = JsonNode.Parse("""{"email":"a@b.c","name":{"first":"Ada"}}""");

        var nodes = TraitNodes.FromSchema(Quickstart("email-password"), UiNodeGroup.Profile, traits);

        Assert.Equal("a@b.c", nodes[0].Value!.GetValue<string>());
        Assert.Equal("Ada", nodes[1].Value!.GetValue<string>());
        Assert.Null(nodes[2].Value);
        Assert.Equal("""{"name":"traits.email","type":"email","value":"a@b.c","required":true,"autocomplete":"email","disabled":false,"node_type":"input"}""",
            nodes[0].Attributes.ToJsonString());
    }

    [Fact]
    public void TypesFormatsPatternsAndEnums_MapToInputAttributes()
    {
        var schema = Parse("""
            {"properties":{"traits":{"type":"object","required":["age","tos"],"properties":{
              "age":{"type":"integer"}, "score":{"type":"number"}, "tos":{"type":"boolean"},
              "phone":{"type":"string","format":"tel"}, "born":{"type":"string","format":"date"},
              "seen":{"type":"string","format":"date-time"}, "site":{"type":"string","format":"uri"},
              "code":{"type":"string","pattern":"^[a-z]+$"}, "color":{"type":"string","enum":["red","green"]},
              "tags":{"type":"array","items":{"type":"string"}}, "objs":{"type":"array","items":{"type":"object"}},
              "nullable":{"type":["string","null"]}, "fixed":{"const":3}
            }}}}
            """);

        var nodes = TraitNodes.FromSchema(schema, UiNodeGroup.Default).ToDictionary(n => n.Key);

        Assert.Equal("number", Type(nodes["traits.age"]));
        Assert.True(nodes["traits.age"].Attributes["required"]!.GetValue<bool>());
        Assert.Equal("number", Type(nodes["traits.score"]));
        Assert.Null(nodes["traits.score"].Attributes["required"]);
        Assert.Equal("checkbox", Type(nodes["traits.tos"]));
        Assert.Equal(("tel", "tel"), (Type(nodes["traits.phone"]), Auto(nodes["traits.phone"])));
        Assert.Equal("date", Type(nodes["traits.born"]));
        Assert.Equal("datetime-local", Type(nodes["traits.seen"]));
        Assert.Equal(("url", "url"), (Type(nodes["traits.site"]), Auto(nodes["traits.site"])));
        Assert.Equal("^[a-z]+$", nodes["traits.code"].Attributes["pattern"]!.GetValue<string>());
        Assert.Equal("""[{"value":"red"},{"value":"green"}]""", nodes["traits.color"].Attributes["options"]!.ToJsonString());
        Assert.Equal("node_type", nodes["traits.color"].Attributes.Last().Key);
        Assert.Equal("text", Type(nodes["traits.tags"]));
        Assert.Equal("number", Type(nodes["traits.fixed"]));
        Assert.False(nodes.ContainsKey("traits.objs"));
        Assert.False(nodes.ContainsKey("traits.nullable"));
    }

    [Fact]
    public void NestedRequired_FollowsTheParentsRequiredList()
    {
        var schema = Parse("""
            {"properties":{"traits":{"type":"object","properties":{
              "name":{"type":"object","required":["first"],"properties":{"first":{"type":"string"},"last":{"type":"string"}}}
            }}}}
            """);

        var nodes = TraitNodes.FromSchema(schema, UiNodeGroup.Default).ToDictionary(n => n.Key);

        Assert.True(nodes["traits.name.first"].Attributes["required"]!.GetValue<bool>());
        Assert.Null(nodes["traits.name.last"].Attributes["required"]);
    }

    [Fact]
    public void LocalRefs_AreFollowed_AndCyclesStop()
    {
        var schema = Parse("""
            {"definitions":{
               "email":{"type":"string","format":"email","title":"Mail"},
               "person":{"type":"object","properties":{"name":{"type":"string"},"friend":{"$ref":"#/definitions/person"}}},
               "traits":{"type":"object","required":["email"],"properties":{
                 "email":{"$ref":"#/definitions/email","title":"Own title"},
                 "me":{"$ref":"#/definitions/person"}}}},
             "properties":{"traits":{"$ref":"#/definitions/traits"}}}
            """);

        var nodes = TraitNodes.FromSchema(schema, UiNodeGroup.Default);

        Assert.Equal(["traits.email", "traits.me.name"], nodes.Select(n => n.Key));
        Assert.Equal("email", Type(nodes[0]));
        Assert.Equal("Own title", nodes[0].Label!.Text);
        Assert.True(nodes[0].Attributes["required"]!.GetValue<bool>());
    }

    [Fact]
    public void EnumOptions_AreCappedAt500()
    {
        var values = string.Join(",", Enumerable.Range(0, 600));
        var schema = Parse("""{"properties":{"traits":{"type":"object","properties":{"n":{"type":"integer","enum":[""" + values + "]}}}}}");

        var node = Assert.Single(TraitNodes.FromSchema(schema, UiNodeGroup.Default));

        Assert.Equal(500, node.Attributes["options"]!.AsArray().Count);
    }

    [Fact]
    public void ApplyValues_SetsExistingTraitNodes()
    {
        var ui = new UiContainer { Action = "https://x/self-service/settings?flow=1" };
        ui.Nodes.AddRange(TraitNodes.FromSchema(Quickstart("email-password"), UiNodeGroup.Profile));

        TraitNodes.ApplyValues(ui, JsonNode.Parse("""{"email":"new@b.c","name":{"last":"Lovelace"},"unknown":1}""")!);

        Assert.Equal("new@b.c", ui.Find("traits.email")!.Value!.GetValue<string>());
        Assert.Equal("Lovelace", ui.Find("traits.name.last")!.Value!.GetValue<string>());
        Assert.Null(ui.Find("traits.unknown"));
    }

    private static string Type(UiNode node) => node.Attributes["type"]!.GetValue<string>();

    private static string? Auto(UiNode node) => node.Attributes["autocomplete"]?.GetValue<string>();

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static JsonElement Quickstart(string name) =>
        Parse(File.ReadAllText(Path.Combine(TestFixtures.Quickstart(name), "identity.schema.json")));
}
