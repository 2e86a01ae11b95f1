using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Identity;
using Custos.SelfService.Strategies.Oidc;
using Custos.SelfService.Strategies.Oidc.Tokens;
using Custos.UnitTests.SelfService;
using Microsoft.Extensions.Logging.Abstractions;

namespace Custos.UnitTests.Oidc;

public sealed class OidcCredentialConfigTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 14, 0, 0, DateTimeKind.Utc);

    private static readonly OidcTokenCipher Cipher = new(
        new TestOptions(o => { o.Ciphers.Algorithm = CipherAlgorithm.Aes; o.Secrets.Cipher = ["secret-thirty-two-character-long"]; }),
        NullLogger<OidcTokenCipher>.Instance);

    [Fact]
    public void New_StoresEncryptedTokens_AndTheProviderSubjectIdentifier()
    {
        var credential = OidcCredentialConfig.New("google", "108923", new OidcTokens("id.jwt", "ya29.access", ""), Cipher, Now);

        var entry = credential.Config["providers"]![0]!.AsObject();
        Assert.Equal(CredentialTypes.Oidc, credential.Type);
        Assert.Equal(["google:108923"], credential.Identifiers);
        Assert.Equal(["subject", "provider", "initial_id_token", "initial_access_token", "initial_refresh_token"], entry.Select(kv => kv.Key));
        Assert.DoesNotContain("ya29.access", credential.Config.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("ya29.access", Cipher.Decrypt(entry["initial_access_token"]!.GetValue<string>()));
        Assert.Equal("", entry["initial_refresh_token"]!.GetValue<string>());
    }

    [Fact]
    public void Add_AppendsAProvider_AndReplacesTheSameProviderAndSubject()
    {
        var credential = OidcCredentialConfig.New("google", "1", OidcTokens.None, Cipher, Now);

        OidcCredentialConfig.Add(credential, "github", "2", OidcTokens.None, Cipher, organization: "8f8b3f0e-6a4e-4e2a-9b9e-0c8c3f5d2a11");
        OidcCredentialConfig.Add(credential, "google", "1", new OidcTokens("", "new", ""), Cipher);

        Assert.Equal(["google:1", "github:2"], credential.Identifiers);
        Assert.Equal(
            [new OidcLinkedProvider("github", "2", "8f8b3f0e-6a4e-4e2a-9b9e-0c8c3f5d2a11", false), new OidcLinkedProvider("google", "1", null, false)],
            OidcCredentialConfig.Providers(credential));
    }

    [Fact]
    public void Remove_DropsEveryEntryOfTheProvider_AndRebuildsTheIdentifiers()
    {
        var credential = OidcCredentialConfig.New("google", "1", OidcTokens.None, Cipher, Now);
        OidcCredentialConfig.Add(credential, "github", "2", OidcTokens.None, Cipher);

        var removed = OidcCredentialConfig.Remove(credential, "google");
        var again = OidcCredentialConfig.Remove(credential, "google");

        Assert.True(removed);
        Assert.False(again);
        Assert.Equal(["github:2"], credential.Identifiers);
        Assert.Equal("github", Assert.Single(OidcCredentialConfig.Providers(credential)).Provider);
    }

    [Fact]
    public void Reveal_ShowsDecryptedTokens_InKratosKeyOrder()
    {
        var config = JsonNode.Parse($$"""
            {"providers":[{"subject":"s","provider":"google","initial_id_token":"{{Cipher.Encrypt("id")}}",
              "initial_access_token":"not-hex","initial_refresh_token":"","use_auto_link":true,"organization":"org-1"}]}
            """)!.AsObject();

        var shown = OidcCredentialConfig.Reveal(config, Cipher, withTokens: true)!;
        var saml = OidcCredentialConfig.Reveal(config, Cipher, withTokens: false)!;

        Assert.Equal(
            """{"providers":[{"initial_id_token":"id","initial_access_token":"","initial_refresh_token":"","subject":"s","provider":"google","organization":"org-1","use_auto_link":true}]}""",
            shown.ToJsonString());
        Assert.Equal("""{"providers":[{"subject":"s","provider":"google","organization":"org-1","use_auto_link":true}]}""", saml.ToJsonString());
        Assert.Null(OidcCredentialConfig.Reveal(new JsonObject { ["providers"] = new JsonArray() }, Cipher, withTokens: true));
    }
}
