using Custos.SelfService.Flows.Csrf;

namespace Custos.UnitTests.SelfService.Flows.Csrf;

public sealed class CsrfTokensTests
{
    [Fact]
    public void CookieName_IsSha256OfThePublicUrl()
    {
        var name = CsrfTokens.CookieName("https://auth.example.com/");

        Assert.Equal("csrf_token_b0a7a50e12eb6fba434123c011075e74b9a22fff16488756b986523cfad47b8f", name);
        Assert.NotEqual(name, CsrfTokens.CookieName("https://auth.example.com"));
    }

    [Fact]
    public void NewToken_Is32RandomBytesInBase64()
    {
        var a = CsrfTokens.NewToken();
        var b = CsrfTokens.NewToken();

        Assert.Equal(32, Convert.FromBase64String(a).Length);
        Assert.NotEqual(a, b);
        Assert.True(CsrfTokens.IsWellFormed(a));
    }

    [Fact]
    public void Mask_DiffersEveryTime_AndUnmasksToTheToken()
    {
        var token = CsrfTokens.NewToken();

        var first = CsrfTokens.Mask(token);
        var second = CsrfTokens.Mask(token);

        Assert.NotEqual(first, second);
        Assert.Equal(64, Convert.FromBase64String(first).Length);
        Assert.True(CsrfTokens.Verify(first, token));
        Assert.True(CsrfTokens.Verify(second, token));
    }

    [Fact]
    public void Verify_AcceptsTheUnmaskedToken()
    {
        var token = CsrfTokens.NewToken();

        Assert.True(CsrfTokens.Verify(token, token));
    }

    [Fact]
    public void Verify_RejectsAnotherCookiesToken()
    {
        var masked = CsrfTokens.Mask(CsrfTokens.NewToken());

        Assert.False(CsrfTokens.Verify(masked, CsrfTokens.NewToken()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void Verify_RejectsGarbageSubmissions(string? submitted)
    {
        Assert.False(CsrfTokens.Verify(submitted, CsrfTokens.NewToken()));
    }

    [Fact]
    public void Verify_RejectsMissingOrMalformedCookie()
    {
        var masked = CsrfTokens.Mask(CsrfTokens.NewToken());

        Assert.False(CsrfTokens.Verify(masked, null));
        Assert.False(CsrfTokens.Verify(masked, "AAAA"));
        Assert.False(CsrfTokens.Verify(masked, masked));
    }

    [Fact]
    public void Verify_RejectsATamperedMask()
    {
        var token = CsrfTokens.NewToken();
        var bytes = Convert.FromBase64String(CsrfTokens.Mask(token));
        bytes[40] ^= 0x01;

        Assert.False(CsrfTokens.Verify(Convert.ToBase64String(bytes), token));
    }

    [Fact]
    public void Mask_RejectsANonToken()
    {
        Assert.Throws<ArgumentException>(() => CsrfTokens.Mask("AAAA"));
    }
}
