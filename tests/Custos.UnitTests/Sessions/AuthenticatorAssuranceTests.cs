using Custos.Config;
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

    [Fact]
    public void MissingAal_UsesTheMethodDefault()
    {
        Assert.Equal("aal2", AuthenticatorAssurance.Compute([M("password", ""), M("lookup_secret", "")]));
    }

    [Theory]
    [InlineData("aal1", null, "highest_available", true)]
    [InlineData("aal1", "aal1", "highest_available", true)]
    [InlineData("aal1", "aal2", "highest_available", false)]
    [InlineData("aal2", "aal2", "highest_available", true)]
    [InlineData("aal1", "aal2", "aal1", true)]
    [InlineData("aal0", null, "aal1", false)]
    public void SatisfiesAal(string sessionAal, string? availableAal, string required, bool expected)
    {
        var session = new Session
        {
            Id = Guid.NewGuid(),
            IdentityId = Guid.NewGuid(),
            AuthenticatorAssuranceLevel = sessionAal,
            Identity = new Custos.Identity.Identity { Id = Guid.NewGuid(), SchemaId = "default", Traits = new System.Text.Json.Nodes.JsonObject(), AvailableAal = availableAal },
        };

        Assert.Equal(expected, SessionManager.SatisfiesAal(session, required == "aal1" ? RequiredAal.Aal1 : RequiredAal.HighestAvailable));
    }
}
