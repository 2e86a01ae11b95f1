using System.Text.Json.Nodes;
using Custos.SelfService.Strategies.Oidc;
using Custos.SelfService.Strategies.Oidc.Providers.MicrosoftEntra;
using Microsoft.Extensions.DependencyInjection;
using static Custos.IntegrationTests.Oidc.Providers.ProviderHarness;

namespace Custos.IntegrationTests.Oidc.Providers;

/// <summary><c>provider: microsoft</c> against a local stand-in for the Microsoft identity platform and Graph.</summary>
public sealed class MicrosoftProviderTests : IAsyncLifetime
{
    private const string Tenant = "9188040d-6c67-4c5b-b112-36a304b66dad";
    private const string OtherTenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private FakeIdp _idp = null!;

    public async Task InitializeAsync()
    {
        _idp = await FakeIdp.StartAsync();

        // Each tenant's document names that tenant's issuer, as login.microsoftonline.com/{tid}/v2.0 does.
        _idp.IssuerForPath = path => MicrosoftUrls.IssuerHost + path[..path.IndexOf("/.well-known", StringComparison.Ordinal)];
    }

    public async Task DisposeAsync() => await _idp.DisposeAsync();

    [Theory]
    [InlineData("common", Tenant)]
    [InlineData("organizations", OtherTenant)]
    [InlineData(Tenant, Tenant)]
    public async Task A_code_exchange_verifies_against_the_tenant_the_token_names(string configured, string tid)
    {
        _idp.Issue("code-1", _idp.Sign(Claims(tid)));

        var result = await Microsoft(configured).CompleteAsync(Callback("code-1"), default);

        Assert.Equal($"https://login.microsoftonline.com/{tid}/v2.0", result.Claims.Issuer);
        Assert.Equal("pairwise-sub", result.Claims.Subject);
        Assert.Equal("object-1", result.Claims.Object);
        Assert.Equal("jane@contoso.example", result.Claims.Email);
        Assert.Contains(_idp.Requests, r => r.Path == $"/{tid}/v2.0/.well-known/openid-configuration");
        Assert.Equal($"/{configured}/oauth2/v2.0/token", _idp.Requests.Single(r => r.Method == "POST").Path);
    }

    [Fact]
    public async Task The_authorization_url_is_the_configured_tenants()
    {
        var url = await Microsoft("organizations").AuthorizationUrlAsync(Authorize(), default);

        Assert.StartsWith(_idp.Url + "/organizations/oauth2/v2.0/authorize?", url);
        Assert.Equal("email openid", QueryOf(url)["scope"]);
    }

    [Fact]
    public async Task Subject_source_me_takes_the_graph_id_and_oid_the_object_id()
    {
        _idp.GraphMe = new JsonObject { ["id"] = "graph-id-1", ["displayName"] = "Jane" };
        _idp.Issue("code-1", _idp.Sign(Claims(Tenant)));
        _idp.Issue("code-2", _idp.Sign(Claims(Tenant)));

        var me = await Microsoft("common", "me").CompleteAsync(Callback("code-1"), default);
        var oid = await Microsoft("common", "oid").CompleteAsync(Callback("code-2"), default);

        Assert.Equal("graph-id-1", me.Claims.Subject);
        Assert.Equal("Bearer " + _idp.AccessToken, _idp.Requests.Single(r => r.Path == "/v1.0/me").Authorization);
        Assert.Equal("object-1", oid.Claims.Subject);
    }

    [Fact]
    public async Task A_tenant_id_that_is_not_a_uuid_is_refused()
    {
        _idp.Issue("code-1", _idp.Sign(Claims("contoso")));

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => Microsoft("common").CompleteAsync(Callback("code-1"), default));

        Assert.Equal(400, e.Status);
        Assert.Contains("TenantID", e.Message);
    }

    [Fact]
    public async Task A_token_whose_issuer_is_not_its_tenants_is_refused()
    {
        var claims = Claims(Tenant);
        claims["iss"] = $"https://login.microsoftonline.com/{OtherTenant}/v2.0";
        _idp.Issue("code-1", _idp.Sign(claims));

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => Microsoft("common").CompleteAsync(Callback("code-1"), default));

        Assert.Contains("different provider", e.Message);
    }

    [Fact]
    public async Task A_single_tenant_app_refuses_another_tenants_token()
    {
        _idp.Issue("code-1", _idp.Sign(Claims(OtherTenant)));

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => Microsoft(Tenant).CompleteAsync(Callback("code-1"), default));

        Assert.Contains("different tenant", e.Message);
    }

    private static JsonObject Claims(string tid)
    {
        var claims = IdClaims($"https://login.microsoftonline.com/{tid}/v2.0", "pairwise-sub");
        claims["tid"] = tid;
        claims["oid"] = "object-1";
        claims["email"] = "jane@contoso.example";
        return claims;
    }

    private IOidcProvider Microsoft(string tenant, string subjectSource = "userinfo")
    {
        var config = Entry("microsoft", null, "email");
        config.MicrosoftTenant = tenant;
        config.SubjectSource = subjectSource;
        return Provider(config, s => s.AddSingleton(new MicrosoftUrls(_idp.Url, _idp.Url)));
    }
}
