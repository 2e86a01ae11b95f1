using System.Text.Json.Nodes;
using Custos.Identity;

namespace Custos.UnitTests.Identity;

public sealed class TotpCredentialConfigTests
{
    private const string Url = "otpauth://totp/issuer.ory.sh:alice?algorithm=SHA1&digits=6&issuer=issuer.ory.sh&period=30&secret=2F43HRJNMUW67EDMRR7AKQYRZP3AI6IG";
    private const string SecretA = "0123456789abcdef0123456789abcdef";
    private const string SecretB = "fedcba9876543210fedcba9876543210";
    private static readonly Guid IdentityId = Guid.NewGuid();

    [Fact]
    public void WithCipherSecrets_TheUrlIsSealed_AndOpensAgain()
    {
        var config = TotpCredentialConfig.Create(IdentityId, Url, [SecretA]);

        Assert.Equal([TotpCredentialConfig.SealedUrlKey], config.Select(kv => kv.Key));
        Assert.DoesNotContain("2F43HRJNMUW67EDMRR7AKQYRZP3AI6IG", config.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("otpauth", config.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(Url, TotpCredentialConfig.ReadUrl(IdentityId, config, [SecretA]));
    }

    [Fact]
    public void SealingTwice_GivesDifferentCiphertexts()
    {
        var one = TotpCredentialConfig.Create(IdentityId, Url, [SecretA]).ToJsonString();
        var two = TotpCredentialConfig.Create(IdentityId, Url, [SecretA]).ToJsonString();

        Assert.NotEqual(one, two);
    }

    [Fact]
    public void ARotatedSecretList_StillOpensWhatTheOldFirstSecretSealed()
    {
        var config = TotpCredentialConfig.Create(IdentityId, Url, [SecretA]);

        Assert.Equal(Url, TotpCredentialConfig.ReadUrl(IdentityId, config, [SecretB, SecretA]));
    }

    [Fact]
    public void AWrongSecret_ReadsAsNull_AndTheAdminViewAsEmpty()
    {
        var config = TotpCredentialConfig.Create(IdentityId, Url, [SecretA]);

        Assert.Null(TotpCredentialConfig.ReadUrl(IdentityId, config, [SecretB]));
        Assert.Null(TotpCredentialConfig.ReadUrl(IdentityId, config, []));
        Assert.Equal("""{"totp_url":""}""", TotpCredentialConfig.Reveal(IdentityId, config, [SecretB]).ToJsonString());
    }

    [Fact]
    public void ASealedUrl_OpensOnlyForItsIdentity()
    {
        var config = TotpCredentialConfig.Create(IdentityId, Url, [SecretA]);

        Assert.Null(TotpCredentialConfig.ReadUrl(Guid.NewGuid(), config, [SecretA]));
    }

    [Fact]
    public void TheAdminView_IsKratossShape()
    {
        var config = TotpCredentialConfig.Create(IdentityId, Url, [SecretA]);

        var view = TotpCredentialConfig.Reveal(IdentityId, config, [SecretA]);

        Assert.Equal(new JsonObject { ["totp_url"] = Url }.ToJsonString(), view.ToJsonString());
    }

    [Fact]
    public void WithoutCipherSecrets_KratossClearShapeIsStored_AndRead()
    {
        var config = TotpCredentialConfig.Create(IdentityId, Url, []);

        Assert.Equal(new JsonObject { ["totp_url"] = Url }.ToJsonString(), config.ToJsonString());
        Assert.Equal(Url, TotpCredentialConfig.ReadUrl(IdentityId, config, [SecretA]));
        Assert.Equal(config.ToJsonString(), TotpCredentialConfig.Reveal(IdentityId, config, [SecretA]).ToJsonString());
    }

    [Fact]
    public void NewCredentials_AreIdentifiedByTheIdentityId_Version0()
    {
        var now = DateTime.UtcNow;

        var c = TotpCredentialConfig.NewCredentials(IdentityId, Url, [SecretA], now);

        Assert.Equal("totp", c.Type);
        Assert.Equal([IdentityId.ToString("D")], c.Identifiers);
        Assert.Equal(0, c.Version);
        Assert.Equal(now, c.CreatedAt);
    }

    [Theory]
    [InlineData("""{"totp_url":"otpauth://totp/x:y?secret=JBSWY3DPEHPK3PXP"}""", true, true)]
    [InlineData("""{"totp_url_sealed":"AQID"}""", true, true)]
    [InlineData("""{"totp_url":""}""", true, false)]
    [InlineData("""{}""", true, false)]
    [InlineData("""{"totp_url":"otpauth://totp/x:y%zz?secret=A"}""", true, false)]
    [InlineData("""{"totp_url":":nope"}""", true, false)]
    [InlineData("""{"totp_url":"otpauth://totp/x:y?secret=JBSWY3DPEHPK3PXP"}""", false, false)]
    public void HasKey_CountsAsKratosDoes(string config, bool withIdentifier, bool expected)
    {
        var c = new Credentials { Type = "totp", Config = JsonNode.Parse(config)!.AsObject(), Identifiers = withIdentifier ? [IdentityId.ToString()] : [] };

        Assert.Equal(expected, TotpCredentialConfig.HasKey(c));
    }
}
