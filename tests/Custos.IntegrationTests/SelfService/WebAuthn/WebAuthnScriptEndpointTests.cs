using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.SelfService.Strategies.WebAuthn;

namespace Custos.IntegrationTests.SelfService.WebAuthn;

/// <summary><c>/.well-known/ory/webauthn.js</c> (getWebAuthnJavaScript), with no WebAuthn method enabled.</summary>
public sealed class WebAuthnScriptEndpointTests
{
    [SkippableFact]
    public async Task Get_ServesTheScriptWhoseHashIsTheNodesIntegrity()
    {
        using var app = new CustosAppFactory();

        var response = await app.Public().GetAsync("/.well-known/ory/webauthn.js");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript; charset=UTF-8", response.Content.Headers.ContentType!.ToString());
        var cache = response.Headers.CacheControl!;
        Assert.True(cache.Private && cache.NoCache && cache.NoStore && cache.MustRevalidate, cache.ToString());
        var integrity = WebAuthnScriptNode.Create("http://localhost:4433/").Attributes["integrity"]!.GetValue<string>();
        Assert.Equal(integrity, "sha512-" + Convert.ToBase64String(SHA512.HashData(body)));
        Assert.Equal("sha512-9Qlvd9zudkdfprW3Tf8FsDI2bVA667UGRVUBcima8+YLHQenHVyPaAiSTLzQ3V6MrW60xS7NpWod+UTdVa6QmQ==", integrity);
    }

    [SkippableFact]
    public async Task Head_AnswersTheHeadersWithoutABody()
    {
        using var app = new CustosAppFactory();

        var response = await app.Public().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/.well-known/ory/webauthn.js"));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript; charset=UTF-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(14277, response.Content.Headers.ContentLength);
        Assert.Empty(body);
    }

    [SkippableFact]
    public async Task Post_IsMethodNotAllowed_InTheErrorEnvelope()
    {
        using var app = new CustosAppFactory();

        var response = await app.Public().PostAsync("/.well-known/ory/webauthn.js", new StringContent(""));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal(405, error["code"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task IsNotOnTheAdminListener()
    {
        using var app = new CustosAppFactory();

        var response = await app.Admin().GetAsync("/.well-known/ory/webauthn.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
