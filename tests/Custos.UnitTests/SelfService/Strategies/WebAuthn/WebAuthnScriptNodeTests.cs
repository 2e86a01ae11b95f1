using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.SelfService.Strategies.WebAuthn;

namespace Custos.UnitTests.SelfService.Strategies.WebAuthn;

public sealed class WebAuthnScriptNodeTests
{
    // The integrity of Kratos's x/webauthnx/js/webauthn.js, as in its snapshots (selfservice/strategy/webauthn/.snapshots,
    // TestCompleteLogin-flow=mfa-case=webauthn_payload_is_set_when_identity_has_webauthn.json).
    private const string KratosIntegrity = "sha512-9Qlvd9zudkdfprW3Tf8FsDI2bVA667UGRVUBcima8+YLHQenHVyPaAiSTLzQ3V6MrW60xS7NpWod+UTdVa6QmQ==";

    [Fact]
    public void EmbeddedScript_HasKratosBytes()
    {
        var content = WebAuthnScript.Content;

        Assert.Equal(14277, content.Length);
        Assert.Equal(KratosIntegrity, WebAuthnScript.Integrity);
    }

    [Fact]
    public void Node_IsKratosScriptNode_InItsFieldOrder()
    {
        var node = WebAuthnScriptNode.Create("http://localhost:4433/", "3e9b5d0a-6f8e-4a8e-9f27-4d3c2b1a0f9e");

        // Relaxed escaping only so the expected text can spell '+' as Go does; the order of keys is what is compared.
        var json = node.ToJson().ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.Equal(
            """{"type":"script","group":"webauthn","attributes":{"src":"http://localhost:4433/.well-known/ory/webauthn.js","async":true,"referrerpolicy":"no-referrer","crossorigin":"anonymous","integrity":"""
            + $"\"{KratosIntegrity}\""
            + ""","type":"text/javascript","id":"webauthn_script","nonce":"3e9b5d0a-6f8e-4a8e-9f27-4d3c2b1a0f9e","node_type":"script"},"messages":[],"meta":{}}""",
            json);
    }

    [Fact]
    public void Node_MatchesKratosSnapshot_WithoutSrcAndNonce()
    {
        // Kratos's snapshot drops the two per-server/per-render attributes and sorts the keys.
        var snapshot = JsonNode.Parse($$"""
            {"attributes":{"async":true,"crossorigin":"anonymous","id":"webauthn_script","integrity":"{{KratosIntegrity}}",
             "node_type":"script","referrerpolicy":"no-referrer","type":"text/javascript"},
             "group":"webauthn","messages":[],"meta":{},"type":"script"}
            """)!.AsObject();
        var node = WebAuthnScriptNode.Create("https://auth.example.org").ToJson();
        var attributes = node["attributes"]!.AsObject();

        attributes.Remove("src");
        attributes.Remove("nonce");

        Assert.True(JsonNode.DeepEquals(snapshot, node), node.ToJsonString());
    }

    [Theory]
    [InlineData("https://auth.example.org", "https://auth.example.org/.well-known/ory/webauthn.js")]
    [InlineData("https://auth.example.org/", "https://auth.example.org/.well-known/ory/webauthn.js")]
    [InlineData("https://example.org/kratos/", "https://example.org/kratos/.well-known/ory/webauthn.js")]
    public void Src_JoinsThePublicBaseUrlWithTheScriptPath(string baseUrl, string src)
    {
        var node = WebAuthnScriptNode.Create(baseUrl, "n");

        Assert.Equal(src, node.Attributes["src"]!.GetValue<string>());
    }

    [Fact]
    public void Nonce_IsAFreshUuidPerRender()
    {
        var first = WebAuthnScriptNode.Create("https://auth.example.org").Attributes["nonce"]!.GetValue<string>();
        var second = WebAuthnScriptNode.Create("https://auth.example.org").Attributes["nonce"]!.GetValue<string>();

        Assert.True(Guid.TryParseExact(first, "D", out _));
        Assert.NotEqual(first, second);
    }
}
