using System.Net;
using System.Text;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Identity;

/// <summary>Bad input always ends in a 4xx with Kratos's envelope, never a 500.</summary>
public sealed class BadInputTests(CustosAppFactory app) : IClassFixture<CustosAppFactory>
{
    private static async Task AssertEnvelope(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.JsonAsync();
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal((int)expected, body["error"]!["code"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(body["error"]!["message"]!.GetValue<string>()));
        Assert.DoesNotContain("   at ", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedBody_Returns413()
    {
        var big = "{\"traits\":{\"email\":\"a@b.c\",\"pad\":\"" + new string('x', 6 * 1024 * 1024) + "\"}}";

        var response = await app.Admin().PostJsonAsync("/admin/identities", big);

        await AssertEnvelope(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task DeeplyNestedJson_Returns400()
    {
        var deep = "{\"traits\":" + string.Concat(Enumerable.Repeat("{\"a\":", 500)) + "1" + new string('}', 500) + "}";

        var response = await app.Admin().PostJsonAsync("/admin/identities", deep);

        await AssertEnvelope(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MalformedJson_Returns400()
    {
        var response = await app.Admin().PostJsonAsync("/admin/identities", "{\"traits\": {");

        await AssertEnvelope(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task InvalidUtf8_Returns400()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"traits\":{\"email\":\"x\"}}");
        bytes[20] = 0xC3;
        bytes[21] = 0x28;
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await app.Admin().PostAsync("/admin/identities", content);

        await AssertEnvelope(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task WrongContentType_Returns415()
    {
        var response = await app.Admin().PostAsync("/admin/identities", new StringContent("traits=x", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await AssertEnvelope(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task EmptyBody_Returns400()
    {
        var response = await app.Admin().PostJsonAsync("/admin/identities", "");

        await AssertEnvelope(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UnknownRoute_Returns404Envelope()
    {
        var response = await app.Public().GetAsync("/no/such/route");

        await AssertEnvelope(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WrongMethod_Returns405Envelope()
    {
        var response = await app.Admin().PutAsync("/admin/identities", new StringContent("{}", Encoding.UTF8, "application/json"));

        await AssertEnvelope(response, HttpStatusCode.MethodNotAllowed);
    }
}
