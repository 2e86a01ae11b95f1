using Custos.Sessions;

namespace Custos.UnitTests.Sessions;

public sealed class AuthenticatorAssuranceTests
{
    private static AuthenticationMethod M(string method, string aal) => new(method, aal, DateTime.UnixEpoch);

    [Fact]
    public void NoMethods_IsAal0()
    {
        Assert.Equal("aal0", AuthenticatorAssurance.Compute([]));
    }

    [Fact]
    public void OneFirstFactor_IsAal1()
    {
        Assert.Equal("aal1", AuthenticatorAssurance.Compute([M("password", "aal1")]));
    }

    [Fact]
    public void FirstAndSecondFactor_IsAal2()
    {
        Assert.Equal("aal2", AuthenticatorAssurance.Compute([M("password", "aal1"), M("totp", "aal2")]));
    }

    [Fact]
    public void SecondFactorAlone_FallsBackToAal1()
    {
        Assert.Equal("aal1", AuthenticatorAssurance.Compute([M("totp", "aal2")]));
    }

    [Theory]
    [InlineData("oidc")]
    [InlineData("saml")]
    public void SocialSignInReportedAsAal2_CountsAsBothFactors(string method)
    {
        Assert.Equal("aal2", AuthenticatorAssurance.Compute([M(method, "aal2")]));
    }

    [Theory]
    [InlineData("password:aal1,passkey:aal1", "aal1")]
    [InlineData("password:aal1,webauthn:aal1", "aal1")]
    [InlineData("totp:aal2,lookup_secret:aal2", "aal1")]
    [InlineData("password:aal1,lookup_secret:aal2", "aal2")]
    [InlineData("code:aal1,code:aal2", "aal2")]
    [InlineData("passkey:aal1,webauthn:aal2", "aal2")]
    [InlineData("totp:aal2,password:aal1", "aal2")]
    [InlineData("oidc:aal1", "aal1")]
    [InlineData("oidc:aal1,totp:aal2", "aal2")]
    [InlineData("link_recovery:aal1", "aal1")]
    [InlineData("code_recovery:aal1,totp:aal2", "aal2")]
    public void Matrix(string methods, string expected)
    {
        var list = methods.Split(',').Select(m => m.Split(':')).Select(p => M(p[0], p[1])).ToList();

        Assert.Equal(expected, AuthenticatorAssurance.Compute(list));
    }

    [Fact]
    public void OnlyTheRecordedLevelCounts_NotTheMethodName()
    {
        Assert.Equal("aal1", AuthenticatorAssurance.Compute([M("password", ""), M("totp", ""), M("lookup_secret", "")]));
        Assert.Equal("aal1", AuthenticatorAssurance.Compute([M("password", "aal1"), M("totp", "aal3")]));
    }

    [Fact]
    public void AddingAMethod_RecomputesTheSessionLevel()
    {
        var session = new Session { Id = Guid.NewGuid(), IdentityId = Guid.NewGuid() };

        session.AddAuthenticationMethod(M("password", "aal1"));
        var afterFirst = session.AuthenticatorAssuranceLevel;
        session.AddAuthenticationMethod(M("totp", "aal2"));

        Assert.Equal("aal1", afterFirst);
        Assert.Equal("aal2", session.AuthenticatorAssuranceLevel);
    }
}
