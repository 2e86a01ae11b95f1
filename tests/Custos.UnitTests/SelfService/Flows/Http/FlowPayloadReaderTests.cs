using System.Text;
using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.SelfService.Flows.Http;
using Microsoft.AspNetCore.Http;

namespace Custos.UnitTests.SelfService.Flows.Http;

public sealed class FlowPayloadReaderTests
{
    [Fact]
    public async Task Json_NestedAndDottedKeys_Merge()
    {
        var request = Request("application/json", """{"method":"password","traits.email":"a@b.c","traits":{"name":{"first":"Ada"}},"traits.name.last":"L"}""");

        var payload = await FlowPayloadReader.ReadAsync(request, CancellationToken.None);

        Assert.Equal("""{"method":"password","traits":{"email":"a@b.c","name":{"first":"Ada","last":"L"}}}""", payload.ToJsonString());
    }

    [Fact]
    public async Task Json_WithCharset_IsJson()
    {
        var request = Request("application/json; charset=utf-8", """{"a":1}""");

        var payload = await FlowPayloadReader.ReadAsync(request, CancellationToken.None);

        Assert.Equal(1, payload["a"]!.GetValue<int>());
    }

    [Fact]
    public async Task UrlEncodedForm_DottedNamesNest_AndTransientPayloadIsParsed()
    {
        var request = Request("application/x-www-form-urlencoded",
            "csrf_token=abc&method=password&traits.email=a%40b.c&traits.name.first=Ada&transient_payload=%7B%22x%22%3A1%7D");

        var payload = await FlowPayloadReader.ReadAsync(request, CancellationToken.None);

        Assert.Equal("""{"csrf_token":"abc","method":"password","traits":{"email":"a@b.c","name":{"first":"Ada"}},"transient_payload":{"x":1}}""",
            payload.ToJsonString());
    }

    [Fact]
    public async Task UrlEncodedForm_RepeatedFields_BecomeArrays()
    {
        var request = Request("application/x-www-form-urlencoded", "traits.emails=a&traits.emails=b");

        var payload = await FlowPayloadReader.ReadAsync(request, CancellationToken.None);

        Assert.Equal("""{"traits":{"emails":["a","b"]}}""", payload.ToJsonString());
    }

    [Fact]
    public async Task MultipartForm_IsRead()
    {
        using var content = new MultipartFormDataContent("XyZ")
        {
            { new StringContent("password"), "method" },
            { new StringContent("a@b.c"), "traits.email" },
        };
        var body = await content.ReadAsByteArrayAsync();
        var request = Request(content.Headers.ContentType!.ToString(), body);

        var payload = await FlowPayloadReader.ReadAsync(request, CancellationToken.None);

        Assert.Equal("""{"method":"password","traits":{"email":"a@b.c"}}""", payload.ToJsonString());
    }

    [Fact]
    public async Task Get_ReadsTheQuery()
    {
        var request = new DefaultHttpContext().Request;
        request.Method = "GET";
        request.QueryString = new QueryString("?flow=1&token=abc&method=link");

        var payload = await FlowPayloadReader.ReadAsync(request, CancellationToken.None);

        Assert.Equal("""{"flow":"1","token":"abc","method":"link"}""", payload.ToJsonString());
    }

    [Fact]
    public async Task ContentLengthZero_Is400()
    {
        var request = Request("application/json", "");

        var error = await Assert.ThrowsAsync<CustosException>(() => FlowPayloadReader.ReadAsync(request, CancellationToken.None));

        Assert.Equal(400, error.Code);
        Assert.Equal("Unable to decode HTTP Request Body because its HTTP Header \"Content-Length\" is zero.", error.Reason);
    }

    [Fact]
    public async Task UrlEncodedForm_RepeatedFieldOutsideTraits_TakesTheFirstValue_TraitsKeepAll()
    {
        var request = Request("application/x-www-form-urlencoded", "method=code&code=123456&method=code&email=a%40b.c&email=x%40y.z&traits.tags=a&traits.tags=b");

        var payload = await FlowPayloadReader.ReadAsync(request, CancellationToken.None);

        Assert.Equal("code", FlowPayloadReader.Text(payload, "method"));
        Assert.Equal("a@b.c", FlowPayloadReader.Text(payload, "email"));
        Assert.Equal("""["a","b"]""", payload["traits"]!["tags"]!.ToJsonString());
    }

    [Fact]
    public async Task Json_ArrayForAStringField_IsStillA400()
    {
        var request = Request("application/json", """{"method":["code","code"]}""");

        var payload = await FlowPayloadReader.ReadAsync(request, CancellationToken.None);

        Assert.Equal(400, Assert.Throws<CustosException>(() => FlowPayloadReader.Text(payload, "method")).Code);
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=x", "garbage")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"method\"\r\n\r\ncode")]
    [InlineData("multipart/form-data", "--x\r\n")]
    public async Task MalformedMultipart_Is400(string contentType, string body)
    {
        var request = Request(contentType, body);

        var error = await Assert.ThrowsAsync<CustosException>(() => FlowPayloadReader.ReadAsync(request, CancellationToken.None));

        Assert.Equal(400, error.Code);
        Assert.StartsWith("Unable to decode HTTP POST form body", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData(null)]
    public async Task UnknownContentType_Is400(string? contentType)
    {
        var request = Request(contentType, "x=1");

        var error = await Assert.ThrowsAsync<CustosException>(() => FlowPayloadReader.ReadAsync(request, CancellationToken.None));

        Assert.Equal(400, error.Code);
        Assert.Contains("only [multipart/form-data application/x-www-form-urlencoded application/json] are supported", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1]", "Expected JSON sent in request body to be an object but got: JSON")]
    [InlineData("\"x\"", "Expected JSON sent in request body to be an object but got: String")]
    [InlineData("{", "Unable to decode JSON payload:")]
    public async Task JsonThatIsNotAnObject_Is400(string body, string reason)
    {
        var request = Request("application/json", body);

        var error = await Assert.ThrowsAsync<CustosException>(() => FlowPayloadReader.ReadAsync(request, CancellationToken.None));

        Assert.Equal(400, error.Code);
        Assert.StartsWith(reason, error.Reason!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x7b, 0x22, 0x6d, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d })]
    [InlineData(new byte[] { 0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0x5c, 0x75, 0x64, 0x38, 0x30, 0x30, 0x22, 0x7d })]
    public async Task JsonWithUnreadableText_Is400(byte[] body)
    {
        var request = Request("application/json", body);

        var error = await Assert.ThrowsAsync<CustosException>(() => FlowPayloadReader.ReadAsync(request, CancellationToken.None));

        Assert.Equal(400, error.Code);
        Assert.StartsWith("Unable to decode JSON payload:", error.Reason!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormTransientPayloadWithAnUnpairedSurrogateEscape_Is400()
    {
        var request = Request("application/x-www-form-urlencoded", "transient_payload=%7B%22a%22%3A%22%5Cud800%22%7D");

        var error = await Assert.ThrowsAsync<CustosException>(() => FlowPayloadReader.ReadAsync(request, CancellationToken.None));

        Assert.Equal(400, error.Code);
    }

    [Fact]
    public async Task TooLargeBody_Is413()
    {
        var request = Request("application/json", new byte[RequestLimits.MaxBodyBytes + 1], declareLength: false);

        var error = await Assert.ThrowsAsync<CustosException>(() => FlowPayloadReader.ReadAsync(request, CancellationToken.None));

        Assert.Equal(413, error.Code);
    }

    [Fact]
    public async Task InvalidTransientPayloadInAForm_Is400()
    {
        var request = Request("application/x-www-form-urlencoded", "transient_payload=%7Bnope");

        var error = await Assert.ThrowsAsync<CustosException>(() => FlowPayloadReader.ReadAsync(request, CancellationToken.None));

        Assert.Equal(400, error.Code);
    }

    [Fact]
    public void GetString_FollowsDottedPaths()
    {
        var payload = JsonNode.Parse("""{"method":"password","traits":{"email":"a@b.c","age":3}}""")!.AsObject();

        Assert.Equal("a@b.c", FlowPayloadReader.GetString(payload, "traits.email"));
        Assert.Null(FlowPayloadReader.GetString(payload, "traits.age"));
        Assert.Null(FlowPayloadReader.GetString(payload, "traits.missing.deeper"));
    }

    private static HttpRequest Request(string? contentType, string body) => Request(contentType, Encoding.UTF8.GetBytes(body));

    private static HttpRequest Request(string? contentType, byte[] body, bool declareLength = true)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = "POST";
        request.ContentType = contentType;
        request.Body = new MemoryStream(body);
        if (declareLength)
        {
            request.ContentLength = body.Length;
        }

        return request;
    }
}
