using Custos.SelfService.Flows.Http;
using Microsoft.AspNetCore.Http;

namespace Custos.UnitTests.SelfService.Flows.Http;

public sealed class ContentNegotiationTests
{
    [Theory]
    // Accept, Content-Type, IsJsonRequest, AcceptsJson
    [InlineData(null, null, false, false)]
    [InlineData("*/*", null, false, false)]
    [InlineData("application/json", null, true, true)]
    [InlineData("application/json, text/plain, */*", null, true, true)] // axios
    [InlineData("text/html,application/json", null, false, false)]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8", null, false, false)] // Chrome
    [InlineData("application/json;q=0.9, text/html;q=0.8", null, true, true)]
    [InlineData("text/html;q=0.9, application/json", null, true, true)]
    [InlineData("application/json;q=0", null, false, false)]
    [InlineData("application/json;q=0.5, */*", null, false, false)] // a higher q on */* wins over a more specific lower q
    [InlineData("text/*", null, false, false)]
    [InlineData("application/*", null, true, true)]
    [InlineData("text/plain", null, false, false)]
    [InlineData("application/json; charset=utf-8", null, false, false)] // gddo stops at a non-q parameter and drops the entry
    [InlineData("Application/JSON", null, false, false)]
    [InlineData(null, "application/json", true, false)]
    [InlineData(null, "application/json; charset=utf-8", false, false)]
    [InlineData("text/html", "application/json", true, false)]
    [InlineData(null, "application/x-www-form-urlencoded", false, false)]
    public void Predicates(string? accept, string? contentType, bool isJsonRequest, bool acceptsJson)
    {
        var request = new DefaultHttpContext().Request;
        if (accept is not null)
        {
            request.Headers.Accept = accept;
        }

        if (contentType is not null)
        {
            request.Headers.ContentType = contentType;
        }

        Assert.Equal(isJsonRequest, ContentNegotiation.IsJsonRequest(request));
        Assert.Equal(acceptsJson, ContentNegotiation.AcceptsJson(request));
    }

    [Fact]
    public void IsBrowserRequest_IsHtmlNegotiation()
    {
        var request = new DefaultHttpContext().Request;

        Assert.True(ContentNegotiation.IsBrowserRequest(request));
        request.Headers.Accept = "application/json";
        Assert.False(ContentNegotiation.IsBrowserRequest(request));
    }

    [Fact]
    public void SeveralAcceptHeaderLines_AreAllRead()
    {
        var request = new DefaultHttpContext().Request;
        request.Headers.Accept = new(["text/plain;level=1", "application/json"]);

        Assert.True(ContentNegotiation.AcceptsJson(request));
    }

    [Theory]
    [InlineData("a/b;q=0.25", 0.25)]
    [InlineData("a/b ; q=1", 1.0)]
    [InlineData("a/b;q=1.5", 1.5)]
    public void ParsesQuality(string header, double q)
    {
        var spec = Assert.Single(AcceptSpec.Parse(header));

        Assert.Equal(("a/b", q), (spec.Value, spec.Q));
    }

    [Theory]
    [InlineData("a/b;q=x")]
    [InlineData("a/b;q=")]
    [InlineData("a/b;level=1")]
    public void MalformedParameters_DropTheEntry(string header)
    {
        Assert.Empty(AcceptSpec.Parse(header));
    }
}
