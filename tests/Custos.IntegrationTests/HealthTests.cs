using System.Net;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests;

public sealed class HealthTests(CustosAppFactory app) : IClassFixture<CustosAppFactory>
{
    [Theory]
    [InlineData("/health/alive")]
    [InlineData("/health/ready")]
    [InlineData("/version")]
    [InlineData("/schemas")]
    [InlineData("/schemas/default")]
    [InlineData("/schemas/ZGVmYXVsdA")]
    public async Task Routes_AnswerOnBothPorts(string path)
    {
        var pub = await app.Public().GetAsync(path);
        var admin = await app.Admin().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, pub.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task Schemas_ListsConfiguredSchema()
    {
        var response = await app.Public().GetAsync("/schemas");
        var list = (await response.JsonAsync()).AsArray();

        Assert.Equal("default", list[0]!["id"]!.GetValue<string>());
        Assert.Equal("object", list[0]!["schema"]!["type"]!.GetValue<string>());
        Assert.Equal("1", response.Headers.GetValues("X-Total-Count").Single());
    }

    [Fact]
    public async Task UnknownSchema_Returns404()
    {
        var response = await app.Public().GetAsync("/schemas/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
