using System.Text.RegularExpressions;
using Custos.SelfService.Strategies.Totp;
using OtpNet;

namespace Custos.UnitTests.SelfService.Strategies.Totp;

public sealed class TotpKeyTests
{
    [Fact]
    public void Generate_BuildsKratossKeyUri_WithA160BitSecret()
    {
        var key = TotpKey.Generate("issuer.ory.sh", "6e11a9a7-62fd-4c88-871a-097f18f0306f");

        Assert.Matches(new Regex("^otpauth://totp/issuer\\.ory\\.sh:6e11a9a7-62fd-4c88-871a-097f18f0306f\\?algorithm=SHA1&digits=6&issuer=issuer\\.ory\\.sh&period=30&secret=[A-Z2-7]{32}$"), key.Url);
        Assert.Equal(key.Secret, TotpKeyUri.Secret(key.Url));
        Assert.Equal(20, Base32Encoding.ToBytes(key.Secret).Length);
    }

    [Fact]
    public void Generate_DrawsANewSecretEachTime()
    {
        var secrets = Enumerable.Range(0, 20).Select(_ => TotpKey.Generate("a", "b").Secret).ToHashSet();

        Assert.Equal(20, secrets.Count);
    }

    [Fact]
    public void FromSecret_ReproducesTheContractsExample()
    {
        var bytes = Base32Encoding.ToBytes("2F43HRJNMUW67EDMRR7AKQYRZP3AI6IG");

        var key = TotpKey.FromSecret(bytes, "issuer.ory.sh", "6e11a9a7-62fd-4c88-871a-097f18f0306f");

        Assert.Equal("otpauth://totp/issuer.ory.sh:6e11a9a7-62fd-4c88-871a-097f18f0306f?algorithm=SHA1&digits=6&issuer=issuer.ory.sh&period=30&secret=2F43HRJNMUW67EDMRR7AKQYRZP3AI6IG", key.Url);
        Assert.Equal("2F43HRJNMUW67EDMRR7AKQYRZP3AI6IG", key.Secret);
    }

    [Theory]
    [InlineData("Example Co", "alice@example.com", "otpauth://totp/Example%20Co:alice@example.com?algorithm=SHA1&digits=6&issuer=Example%20Co&period=30&secret=JBSWY3DPEHPK3PXP")]
    [InlineData("a/b?c", "x+y=z;w,v", "otpauth://totp/a/b%3Fc:x+y=z;w,v?algorithm=SHA1&digits=6&issuer=a%2Fb%3Fc&period=30&secret=JBSWY3DPEHPK3PXP")]
    [InlineData("Bücher & Co", "50%#1", "otpauth://totp/B%C3%BCcher%20&%20Co:50%25%231?algorithm=SHA1&digits=6&issuer=B%C3%BCcher%20&%20Co&period=30&secret=JBSWY3DPEHPK3PXP")]
    public void Build_EscapesLikeGosNetUrl(string issuer, string account, string expected)
    {
        Assert.Equal(expected, TotpKeyUri.Build(issuer, account, "JBSWY3DPEHPK3PXP"));
    }

    [Theory]
    [InlineData("otpauth://totp/x:y?issuer=x&secret=JBSWY3DPEHPK3PXP", "JBSWY3DPEHPK3PXP")]
    [InlineData("otpauth://totp/x:y?secret=jbswy3dp%45HPK3PXP&secret=OTHER", "jbswy3dpEHPK3PXP")]
    [InlineData("otpauth://totp/x:y?secret=%zz&secret=SECOND#secret=FRAGMENT", "SECOND")]
    [InlineData("otpauth://totp/x:y?issuer=x", null)]
    [InlineData("otpauth://totp/x:y", null)]
    public void Secret_ReadsTheFirstWellFormedSecretParameter(string url, string? expected)
    {
        Assert.Equal(expected, TotpKeyUri.Secret(url));
    }

    [Fact]
    public void FromSecret_RefusesAnEmptyIssuerOrAccount()
    {
        Assert.Throws<ArgumentException>(() => TotpKey.FromSecret([1, 2, 3], "", "b"));
        Assert.Throws<ArgumentException>(() => TotpKey.FromSecret([1, 2, 3], "a", ""));
    }
}
