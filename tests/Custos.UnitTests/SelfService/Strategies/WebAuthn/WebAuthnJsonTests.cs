using System.Text.Json.Nodes;
using Custos.SelfService.Strategies.WebAuthn;

namespace Custos.UnitTests.SelfService.Strategies.WebAuthn;

/// <summary>The JSON Kratos's clients and database expect: options (§4.3) and the stored credential (§4.7).</summary>
public sealed class WebAuthnJsonTests
{
    private static readonly RelyingParty Rp = new("example.com", "Example", ["https://example.com"]);

    [Fact]
    public void SecurityKeyCreationOptions_AreGoWebAuthnsCompactJson()
    {
        var options = new CreationOptions(Rp, "Example", "Example", [1, 2, 3], new byte[32], 120000,
            [new CredentialDescriptor([0xfb, 0xff], ["usb"])], new AuthenticatorSelection(null, null, null, "discouraged"), null);

        Assert.Equal(
            """{"publicKey":{"rp":{"name":"Example","id":"example.com"},"user":{"name":"Example","displayName":"Example","id":"AQID"},"challenge":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA","pubKeyCredParams":[{"type":"public-key","alg":-7},{"type":"public-key","alg":-35},{"type":"public-key","alg":-36},{"type":"public-key","alg":-257},{"type":"public-key","alg":-258},{"type":"public-key","alg":-259},{"type":"public-key","alg":-37},{"type":"public-key","alg":-38},{"type":"public-key","alg":-39},{"type":"public-key","alg":-8}],"timeout":120000,"excludeCredentials":[{"type":"public-key","id":"-_8","transports":["usb"]}],"authenticatorSelection":{"userVerification":"discouraged"}}}""",
            options.ToJson().ToJsonString());
    }

    [Fact]
    public void PasskeyOptions_CarryResidentKeyAndAttestation_AndDiscoverableAssertionsNoAllowList()
    {
        var creation = new CreationOptions(Rp, "Example", "Example", [1], [2], 300000, [], new AuthenticatorSelection("platform", true, "required", "preferred"), "none");
        var assertion = new AssertionOptions([9], 300000, "example.com", [], "preferred");

        Assert.Equal("""{"authenticatorAttachment":"platform","requireResidentKey":true,"residentKey":"required","userVerification":"preferred"}""",
            creation.ToJson()["publicKey"]!["authenticatorSelection"]!.ToJsonString());
        Assert.Equal("none", creation.ToJson()["publicKey"]!["attestation"]!.GetValue<string>());
        Assert.Equal("""{"publicKey":{"challenge":"CQ","timeout":300000,"rpId":"example.com","userVerification":"preferred"}}""", assertion.ToJson().ToJsonString());
    }

    [Fact]
    public void KratosCredentialJson_RoundTrips_InKratosMemberOrder()
    {
        // The example of the strategies contract §4.7 (Kratos's own test fixture).
        const string kratos = """{"credentials":[{"id":"OE7fnoAeqaydiBM4+fQsbYMiO+EObq97WYb/c1HuX8Crbsb2777xs+upv7muXE8hOLkm6lQHC1ahegnzw+aIsQ==","public_key":"pQECAyYgASFYIPW2FsD6d/Lc7SU33hMhJUxafOA3JWpsLka8eKO+OPRkIlggkkPt8ocrupQOuvy+8HbQLSLiu899EdchJlWdMPE1tiw=","attestation_type":"none","authenticator":{"aaguid":"AAAAAAAAAAAAAAAAAAAAAA==","sign_count":3,"clone_warning":false},"display_name":"some-key","added_at":"2021-08-17T10:18:55Z","is_passwordless":false,"flags":{"user_present":true,"user_verified":false,"backup_eligible":false,"backup_state":false},"transport":["usb"]}],"user_handle":"9dG2o6S7RPeRYfT4d+/prQ=="}""";

        var config = WebAuthnCredentialConfig.Read(JsonNode.Parse(kratos)!.AsObject());

        Assert.Equal(3u, config.Credentials[0].Authenticator!.SignCount);
        Assert.Equal(new DateTime(2021, 8, 17, 10, 18, 55, DateTimeKind.Utc), config.Credentials[0].AddedAt);
        Assert.Equal(kratos, config.ToJson().ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void AConfigThatIsNotKratosJson_ReadsAsNoKeys()
    {
        Assert.Empty(WebAuthnCredentialConfig.Read(JsonNode.Parse("""{"credentials":"nope"}""")!.AsObject()).Credentials);
        Assert.Empty(WebAuthnCredentialConfig.Read(JsonNode.Parse("""{"credentials":[{"id":"%%%"}]}""")!.AsObject()).Credentials);
        Assert.Empty(WebAuthnCredentialConfig.Read(null).Credentials);
    }

    [Fact]
    public void AuthenticatorNames_ComeFromKratosTable()
    {
        Assert.Equal("iCloud Keychain", AuthenticatorNames.Lookup(Guid.Parse("fbfc3007-154e-4ecc-8c0b-6e020557d7bd").ToByteArray(bigEndian: true)));
        Assert.Equal("", AuthenticatorNames.Lookup(new byte[16]));
        Assert.Equal("", AuthenticatorNames.Lookup(null));
    }

    [Fact]
    public void RelyingPartyOrigins_DefaultToThePublicSchemeAndTheRpId()
    {
        var rp = RelyingParty.From(new Custos.Config.RelyingPartyOptions { Id = "example.org", DisplayName = "X" }, "https://auth.example.org:4433/");

        Assert.Equal(["https://example.org"], rp.Origins);
    }
}
