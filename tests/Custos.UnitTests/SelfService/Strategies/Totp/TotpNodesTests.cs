using System.Text.Json.Nodes;
using Custos.SelfService.Strategies.Totp;
using OtpNet;

namespace Custos.UnitTests.SelfService.Strategies.Totp;

/// <summary>The nodes against Kratos's snapshots (<c>selfservice/strategy/totp/.snapshots</c>), attribute order included.</summary>
public sealed class TotpNodesTests
{
    private static readonly TotpKey Key = TotpKey.FromSecret(Base32Encoding.ToBytes("2F43HRJNMUW67EDMRR7AKQYRZP3AI6IG"), "issuer.ory.sh", "6e11a9a7-62fd-4c88-871a-097f18f0306f");

    private static string Json(IEnumerable<Custos.SelfService.Ui.UiNode> nodes) =>
        new JsonArray(nodes.Select(n => (JsonNode?)n.ToJson()).ToArray()).ToJsonString();

    [Fact]
    public void SettingsSetup_IsQrSecretCodeAndSave_InKratossOrder()
    {
        var nodes = TotpNodes.SettingsSetup(Key);

        var json = JsonNode.Parse(Json(nodes))!.AsArray();
        var src = json[0]!["attributes"]!["src"]!.GetValue<string>();
        json[0]!["attributes"]!.AsObject().Remove("src");
        Assert.StartsWith("data:image/png;base64,iVBORw0KGgo", src, StringComparison.Ordinal);
        Assert.Equal("""
            [{"type":"img","group":"totp","attributes":{"id":"totp_qr","width":256,"height":256,"node_type":"img"},"messages":[],"meta":{"label":{"id":1050005,"text":"Authenticator app QR code","type":"info"}}},
            {"type":"text","group":"totp","attributes":{"text":{"id":1050006,"text":"2F43HRJNMUW67EDMRR7AKQYRZP3AI6IG","type":"info","context":{"secret":"2F43HRJNMUW67EDMRR7AKQYRZP3AI6IG"}},"id":"totp_secret_key","node_type":"text"},"messages":[],"meta":{"label":{"id":1050017,"text":"This is your authenticator app secret. Use it if you can not scan the QR code.","type":"info"}}},
            {"type":"input","group":"totp","attributes":{"name":"totp_code","type":"text","required":true,"disabled":false,"node_type":"input"},"messages":[],"meta":{"label":{"id":1070006,"text":"Verify code","type":"info"}}},
            {"type":"input","group":"totp","attributes":{"name":"method","type":"submit","value":"totp","disabled":false,"node_type":"input"},"messages":[],"meta":{"label":{"id":1070003,"text":"Save","type":"info"}}}]
            """.ReplaceLineEndings(""), json.ToJsonString());
    }

    [Fact]
    public void SettingsUnlink_IsOneRequiredSubmitButton()
    {
        Assert.Equal("""
            [{"type":"input","group":"totp","attributes":{"name":"totp_unlink","type":"submit","value":"true","required":true,"disabled":false,"node_type":"input"},"messages":[],"meta":{"label":{"id":1050004,"text":"Unlink TOTP Authenticator App","type":"info"}}}]
            """.Trim(), Json(TotpNodes.SettingsUnlink()));
    }

    [Fact]
    public void Login_IsTheCodeWithAnEmptyValue_ThenUseAuthenticator()
    {
        Assert.Equal("""
            [{"type":"input","group":"totp","attributes":{"name":"totp_code","type":"text","value":"","required":true,"disabled":false,"node_type":"input"},"messages":[],"meta":{"label":{"id":1010006,"text":"Authentication code","type":"info"}}},
            {"type":"input","group":"totp","attributes":{"name":"method","type":"submit","value":"totp","disabled":false,"node_type":"input"},"messages":[],"meta":{"label":{"id":1010009,"text":"Use Authenticator","type":"info"}}}]
            """.ReplaceLineEndings(""), Json(TotpNodes.Login()));
    }
}
