using System.Text.Json.Nodes;
using Custos.SelfService.Strategies.Oidc;
using Custos.SelfService.Strategies.Oidc.Providers.Google;
using Microsoft.Extensions.DependencyInjection;
using static Custos.IntegrationTests.Oidc.Providers.ProviderHarness;

namespace Custos.IntegrationTests.Oidc.Providers;

/// <summary><c>provider: google</c> against a local stand-in for Google (issuer stays <c>https://accounts.google.com</c>).</summary>
public sealed class GoogleProviderTests : IAsyncLifetime
{
    private FakeIdp _idp = null!;

    public async Task InitializeAsync()
    {
        _idp = await FakeIdp.StartAsync();
        _idp.Issuer = GoogleUrls.Issuer;
    }

    public async Task DisposeAsync() => await _idp.DisposeAsync();

    [Fact]
    public async Task A_code_exchange_reads_the_hosted_domain_and_verified_email()
    {
        var claims = IdClaims(GoogleUrls.Issuer, "1089");
        claims["email"] = "jane@corp.example";
        claims["email_verified"] = true;
        claims["hd"] = "corp.example";
        claims["name"] = "Jane Doe";
        _idp.Issue("code-1", _idp.Sign(claims));

        var result = await Google().CompleteAsync(Callback("code-1"), default);

        var json = result.Claims.ToJson();
        Assert.Equal("https://accounts.google.com", json["iss"]!.GetValue<string>());
        Assert.Equal("1089", json["sub"]!.GetValue<string>());
        Assert.Equal("corp.example", json["hd"]!.GetValue<string>());
        Assert.True(json["email_verified"]!.GetValue<bool>());
        Assert.Equal("Jane Doe", json["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Offline_access_becomes_access_type_offline_and_leaves_the_scope()
    {
        var url = await Google("email", "offline_access").AuthorizationUrlAsync(Authorize(), default);

        var query = QueryOf(url);
        Assert.StartsWith(_idp.Url + "/authorize?", url);
        Assert.Equal("email openid", query["scope"]);
        Assert.Equal("offline", query["access_type"]);
        Assert.False(query.ContainsKey("prompt"));

        var plain = QueryOf(await Google("email").AuthorizationUrlAsync(Authorize(), default));
        Assert.False(plain.ContainsKey("access_type"));
    }

    [Fact]
    public async Task A_native_id_token_verifies_against_the_keys_for_the_client_and_additional_audiences()
    {
        var config = Entry("google", null, "email");
        config.AdditionalIdTokenAudiences = ["ios-client"];
        var verifier = (IOidcIdTokenVerifier)Provider(config, Urls);

        var mine = await verifier.VerifyIdTokenAsync(_idp.Sign(IdClaims(GoogleUrls.Issuer, "1089")), default);
        var ios = await verifier.VerifyIdTokenAsync(_idp.Sign(IdClaims(GoogleUrls.Issuer, "1090", "ios-client")), default);
        var schemeless = await verifier.VerifyIdTokenAsync(_idp.Sign(IdClaims("accounts.google.com", "1091")), default);

        Assert.Equal("1089", mine.Subject);
        Assert.Equal("1090", ios.Subject);
        Assert.Equal("1091", schemeless.Subject);
        Assert.DoesNotContain(_idp.Requests, r => r.Path.EndsWith("openid-configuration", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("aud", "someone-elses-app")]
    [InlineData("iss", "https://evil.example")]
    [InlineData("exp", "past")]
    [InlineData("sig", "stranger")]
    public async Task A_native_id_token_that_does_not_verify_is_403(string what, string value)
    {
        var claims = IdClaims(GoogleUrls.Issuer);
        using var stranger = System.Security.Cryptography.RSA.Create(2048);
        switch (what)
        {
            case "exp":
                claims["exp"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds();
                break;
            case "sig":
                break;
            default:
                claims[what] = value;
                break;
        }

        var token = _idp.Sign(claims, key: what == "sig" ? stranger : null);
        var verifier = (IOidcIdTokenVerifier)Google();

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => verifier.VerifyIdTokenAsync(token, default));

        Assert.Equal(403, e.Status);
        Assert.Equal("Could not verify id_token", e.Message);
    }

    [Fact]
    public async Task A_native_id_token_without_sub_is_403_invalid_claims()
    {
        var claims = IdClaims(GoogleUrls.Issuer);
        claims.Remove("sub");
        var verifier = (IOidcIdTokenVerifier)Google();

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => verifier.VerifyIdTokenAsync(_idp.Sign(claims), default));

        Assert.Equal(403, e.Status);
        Assert.Equal("The id_token claims were invalid", e.Message);
    }

    [Fact]
    public void Google_tokens_may_come_without_a_nonce()
    {
        var verifier = (IOidcIdTokenVerifier)Google();

        Assert.True(verifier.CanSkipNonce(new OidcClaims { Issuer = GoogleUrls.Issuer, Subject = "1" }));
        Assert.False(verifier.CanSkipNonce(new OidcClaims { Issuer = GoogleUrls.Issuer, Subject = "1", Nonce = "n" }));
    }

    [Fact]
    public async Task Pkce_auto_asks_googles_discovery_document()
    {
        Assert.True(await Google().UsesPkceAsync(default));
        _idp.CodeChallengeMethods = null;
        Assert.False(await Google().UsesPkceAsync(default));
    }

    private void Urls(IServiceCollection services) =>
        services.AddSingleton(new GoogleUrls(_idp.Url + "/.well-known/openid-configuration", _idp.Url + "/jwks"));

    private IOidcProvider Google(params string[] scope) => Provider(Entry("google", null, scope), Urls);
}
