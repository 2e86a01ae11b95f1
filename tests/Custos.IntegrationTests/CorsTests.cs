using System.Net;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests;

public sealed class CorsAppFactory : CustosAppFactory
{
    public CorsAppFactory()
    {
        ExtraYaml = """
            serve:
              public:
                cors:
                  enabled: true
                  allowed_origins:
                    - https://*.example.com
                    - http://127.0.0.1:4455
            """;
    }
}

/// <summary><c>serve.public.cors</c> applies on the public port only, with wildcard origins.</summary>
public sealed class CorsTests(CorsAppFactory app) : IClassFixture<CorsAppFactory>
{
    private static HttpRequestMessage Preflight(string origin) => new(HttpMethod.Options, "/schemas")
    {
        Headers = { { "Origin", origin }, { "Access-Control-Request-Method", "GET" } },
    };

    [Theory]
    [InlineData("https://app.example.com", true)]
    [InlineData("http://127.0.0.1:4455", true)]
    [InlineData("https://example.com.evil.net", false)]
    [InlineData("https://evil.net", false)]
    public async Task Preflight_AllowsOnlyConfiguredOrigins(string origin, bool allowed)
    {
        var response = await app.Public().SendAsync(Preflight(origin));

        var header = response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
        Assert.Equal(allowed ? origin : null, header);
    }

    [Fact]
    public async Task AdminPort_HasNoCors()
    {
        var response = await app.Admin().SendAsync(Preflight("https://app.example.com"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task SimpleRequest_FromAllowedOrigin_CarriesCredentialsHeader()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/alive") { Headers = { { "Origin", "https://app.example.com" } } };

        var response = await app.Public().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("true", response.Headers.GetValues("Access-Control-Allow-Credentials").Single());
    }
}
