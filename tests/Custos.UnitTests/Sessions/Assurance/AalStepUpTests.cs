using Custos.Sessions.Assurance;

namespace Custos.UnitTests.Sessions.Assurance;

/// <summary>The aal2 login URL of <c>session_aal2_required</c>, compared with what Kratos's Go code builds.</summary>
public sealed class AalStepUpTests
{
    private const string Public = "https://auth.example.com/";

    [Fact]
    public void None_IsTheBareAal2Login()
    {
        Assert.Equal("https://auth.example.com/self-service/login/browser?aal=aal2", AalStepUp.None.ToUrl(Public));
    }

    [Fact]
    public void ReturnTo_IsFormEscapedAsGoDoes()
    {
        var url = AalStepUp.ReturningTo("https://app.example.com/settings?flow=1 2&x=ä~").ToUrl(Public);

        Assert.Equal("https://auth.example.com/self-service/login/browser?aal=aal2&return_to=https%3A%2F%2Fapp.example.com%2Fsettings%3Fflow%3D1+2%26x%3D%C3%A4~", url);
    }

    [Fact]
    public void FromLoginRequestUrl_CopiesReturnToAndLoginChallenge_InSortedOrder()
    {
        var stepUp = AalStepUp.FromLoginRequestUrl("https://auth.example.com/self-service/login/browser?return_to=https%3A%2F%2Fapp.example.com%2F&refresh=true&login_challenge=abc");

        Assert.Equal("https://auth.example.com/self-service/login/browser?aal=aal2&login_challenge=abc&return_to=https%3A%2F%2Fapp.example.com%2F", stepUp.ToUrl(Public));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("https://auth.example.com/self-service/login/browser")]
    public void FromLoginRequestUrl_WithoutParameters_CarriesNothing(string? requestUrl)
    {
        Assert.Equal("https://auth.example.com/self-service/login/browser?aal=aal2", AalStepUp.FromLoginRequestUrl(requestUrl).ToUrl(Public));
    }

    [Fact]
    public void APublicUrlWithAPath_KeepsIt()
    {
        Assert.Equal("http://localhost/kratos/self-service/login/browser?aal=aal2", AalStepUp.None.ToUrl("http://localhost/kratos"));
    }
}
