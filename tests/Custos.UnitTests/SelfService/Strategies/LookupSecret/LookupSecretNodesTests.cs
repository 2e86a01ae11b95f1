using System.Text.Json.Nodes;
using Custos.SelfService.Strategies.LookupSecret;
using Custos.SelfService.Ui;

namespace Custos.UnitTests.SelfService.Strategies.LookupSecret;

/// <summary>Node shapes as Kratos's contract (§3.2, §3.3) and its snapshots show them.</summary>
public sealed class LookupSecretNodesTests
{
    private static void AssertJson(string expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), actual.ToJsonString());

    [Fact]
    public void Login_AddsTheCodeInput_ThenTheSubmitButton()
    {
        var ui = new UiContainer { Action = "https://auth.example.com/self-service/login?flow=1" };

        LookupSecretNodes.PopulateLogin(ui);

        AssertJson("""
            [{"type":"input","group":"lookup_secret","attributes":{"name":"lookup_secret","type":"text","value":"","required":true,"disabled":false,"node_type":"input"},
              "messages":[],"meta":{"label":{"id":1010007,"text":"Backup recovery code","type":"info"}}},
             {"type":"input","group":"lookup_secret","attributes":{"name":"method","type":"submit","value":"lookup_secret","disabled":false,"node_type":"input"},
              "messages":[],"meta":{"label":{"id":1010010,"text":"Use backup recovery code","type":"info"}}}]
            """, ui.ToJson()["nodes"]!);
    }

    [Fact]
    public void ResetLoginCode_EmptiesTheInput_AndKeepsTheButtonValue()
    {
        var ui = new UiContainer { Action = "x" };
        LookupSecretNodes.PopulateLogin(ui);
        ui.Nodes[0].Value = "w1ksv5a9";

        LookupSecretNodes.ResetLoginCode(ui);

        Assert.Equal("", ui.Nodes[0].Value!.GetValue<string>());
        Assert.Equal("lookup_secret", ui.Nodes[1].Value!.GetValue<string>());
    }

    [Theory]
    [InlineData("lookup_secret_reveal", 1050007, "Reveal backup recovery codes")]
    [InlineData("lookup_secret_regenerate", 1050008, "Generate new backup recovery codes")]
    [InlineData("lookup_secret_confirm", 1050011, "Confirm backup recovery codes")]
    [InlineData("lookup_secret_disable", 1050016, "Disable this method")]
    public void SettingsButtons_AreSubmitInputsWithValueTrue(string name, long labelId, string label)
    {
        var node = name switch
        {
            "lookup_secret_reveal" => LookupSecretNodes.Reveal(),
            "lookup_secret_regenerate" => LookupSecretNodes.Regenerate(),
            "lookup_secret_confirm" => LookupSecretNodes.Confirm(),
            _ => LookupSecretNodes.Disable(),
        };

        AssertJson("""
            {"type":"input","group":"lookup_secret","attributes":{"name":"NAME","type":"submit","value":"true","disabled":false,"node_type":"input"},
             "messages":[],"meta":{"label":{"id":1,"text":"LABEL","type":"info"}}}
            """.Replace("NAME", name, StringComparison.Ordinal).Replace("LABEL", label, StringComparison.Ordinal)
            .Replace("\"id\":1,", $"\"id\":{labelId},", StringComparison.Ordinal), node.ToJson());
    }

    [Fact]
    public void Codes_ListsClearAndUsedCodes_AsTheContractExample()
    {
        var usedAt = new DateTime(2021, 8, 17, 11, 32, 39, DateTimeKind.Utc);

        var node = LookupSecretNodes.Codes([new LookupCode(null, "w1ksv5a9", null), new LookupCode("f00d", null, usedAt)]);

        AssertJson("""
            {"type":"text","group":"lookup_secret","attributes":{"text":{"id":1050015,"text":"w1ksv5a9, used","type":"info","context":{"secrets":[
               {"id":1050009,"text":"w1ksv5a9","type":"info","context":{"secret":"w1ksv5a9"}},
               {"id":1050014,"text":"Secret was used at 2021-08-17 11:32:39 +0000 UTC","type":"info","context":{"used_at":"2021-08-17T11:32:39Z","used_at_unix":1629199959}}]}},
              "id":"lookup_secret_codes","node_type":"text"},
             "messages":[],"meta":{"label":{"id":1050010,"text":"These are your back up recovery codes. Please keep them in a safe place!","type":"info"}}}
            """, node.ToJson());
    }

    [Fact]
    public void Codes_ShowsAnUnusedHashedCode_AsAMaskThatNoCodeCanEqual()
    {
        var node = LookupSecretNodes.Codes([new LookupCode("f00d", null, null)]);

        var text = node.ToJson()["attributes"]!["text"]!;
        Assert.Equal("********", text["text"]!.GetValue<string>());
        AssertJson("""{"id":1050009,"text":"********","type":"info","context":{"secret":"********"}}""", text["context"]!["secrets"]![0]!);
        Assert.DoesNotMatch("^[a-z0-9]{8}$", Messages.LookupSecretHiddenCode);
    }
}
