using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Custos.Config;
using Custos.SelfService.Strategies.Oidc;
using Custos.SelfService.Strategies.Oidc.Providers.Apple;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using static Custos.IntegrationTests.Oidc.Providers.ProviderHarness;

namespace Custos.IntegrationTests.Oidc.Providers;

/// <summary>
/// <c>provider: apple</c> against a local stand-in for Sign in with Apple whose token endpoint checks the client secret
/// JWT with the public half of the configured developer key.
/// </summary>
public sealed class AppleProviderTests : IAsyncLifetime
{
    private readonly ECDsa _developerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private FakeIdp _idp = null!;

    public async Task InitializeAsync()
    {
        _idp = await FakeIdp.StartAsync();
        _idp.Issuer = AppleUrls.Issuer;
        _idp.AppleClient = (_developerKey, "TEAM123456", "KEY1234567");
    }

    public async Task DisposeAsync()
    {
        await _idp.DisposeAsync();
        _developerKey.Dispose();
    }

    [Fact]
    public async Task A_code_exchange_with_the_client_secret_jwt_reads_the_token_and_the_first_sign_ins_name()
    {
        var claims = IdClaims(AppleUrls.Issuer, "001234.abcd");
        claims["email"] = "x7@privaterelay.appleid.com";
        claims["email_verified"] = "true";
        claims["is_private_email"] = "true";
        _idp.Issue("code-1", _idp.Sign(claims));
        var query = new Dictionary<string, string>
        {
            ["code"] = "code-1",
            ["state"] = "state-1",
            ["user"] = """{"name":{"firstName":"Jane","lastName":"Appleseed"},"email":"x7@privaterelay.appleid.com"}""",
        };

        var result = await Apple().CompleteAsync(Callback("code-1", query: query), default);

        Assert.Equal("001234.abcd", result.Claims.Subject);
        Assert.True(result.Claims.EmailVerified);
        Assert.Equal("Jane", result.Claims.GivenName);
        Assert.Equal("Appleseed", result.Claims.FamilyName);
        Assert.Equal("Appleseed", result.Claims.LastName);
        Assert.Equal("true", result.Claims.ToJson()["raw_claims"]!["is_private_email"]!.GetValue<string>());
        Assert.Null(result.Claims.Raw["given_name"]);

        var token = _idp.Requests.Single(r => r.Method == "POST");
        Assert.Equal("/auth/token", token.Path);
        Assert.Null(token.Authorization);
        Assert.Equal("client-1", token.Form["client_id"]);
    }

    [Fact]
    public async Task The_client_secret_is_an_es256_jwt_as_apple_documents_it()
    {
        _idp.Issue("code-1", _idp.Sign(IdClaims(AppleUrls.Issuer)));
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);

        await Apple(time: time).CompleteAsync(Callback("code-1"), default);

        var secret = new JsonWebToken(_idp.Requests.Single(r => r.Method == "POST").Form["client_secret"]);
        Assert.Equal("ES256", secret.Alg);
        Assert.Equal("KEY1234567", secret.Kid);
        Assert.Equal("TEAM123456", secret.Issuer);
        Assert.Equal("client-1", secret.Subject);
        Assert.Equal(["https://appleid.apple.com"], secret.Audiences);
        Assert.Equal(time.GetUtcNow().ToUnixTimeSeconds(), secret.GetPayloadValue<long>("iat"));
        Assert.Equal(time.GetUtcNow().ToUnixTimeSeconds() + 300, secret.GetPayloadValue<long>("exp"));
    }

    [Fact]
    public async Task A_secret_signed_with_another_key_is_refused_by_apple()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _idp.Issue("code-1", _idp.Sign(IdClaims(AppleUrls.Issuer)));

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => Apple(other).CompleteAsync(Callback("code-1"), default));

        Assert.Contains("invalid_client", e.Message);
    }

    [Fact]
    public async Task Email_or_name_scope_asks_for_form_post()
    {
        var withEmail = QueryOf(await Apple(scope: ["email", "name"]).AuthorizationUrlAsync(Authorize(), default));
        var without = QueryOf(await Apple(scope: []).AuthorizationUrlAsync(Authorize(), default));

        Assert.Equal("form_post", withEmail["response_mode"]);
        Assert.Equal("email name openid", withEmail["scope"]);
        Assert.False(without.ContainsKey("response_mode"));
        Assert.Equal("openid", without["scope"]);
    }

    [Fact]
    public async Task A_native_id_token_verifies_and_nonce_support_decides_whether_a_nonce_is_needed()
    {
        var config = AppleEntry(_developerKey, ["email"]);
        config.AdditionalIdTokenAudiences = ["com.example.app"];
        var verifier = (IOidcIdTokenVerifier)Provider(config, Urls);
        var claims = IdClaims(AppleUrls.Issuer, "001234.abcd", "com.example.app");
        claims["nonce_supported"] = true;
        claims["email_verified"] = "true";

        var verified = await verifier.VerifyIdTokenAsync(_idp.Sign(claims), default);

        Assert.Equal("001234.abcd", verified.Subject);
        Assert.True(verified.EmailVerified);
        Assert.False(verifier.CanSkipNonce(verified));
        Assert.True(verifier.CanSkipNonce(new OidcClaims { Issuer = AppleUrls.Issuer, Subject = "1" }));

        var wrongAud = IdClaims(AppleUrls.Issuer, "1", "com.other.app");
        var e = await Assert.ThrowsAsync<OidcProviderException>(() => verifier.VerifyIdTokenAsync(_idp.Sign(wrongAud), default));
        Assert.Equal((403, "Could not verify id_token"), (e.Status, e.Message));
    }

    [Fact]
    public async Task An_unusable_private_key_is_a_configuration_error_not_a_crash()
    {
        var config = AppleEntry(_developerKey, ["email"]);
        using var rsa = RSA.Create(2048);
        config.ApplePrivateKey = rsa.ExportPkcs8PrivateKeyPem();
        _idp.Issue("code-1", _idp.Sign(IdClaims(AppleUrls.Issuer)));

        var e = await Assert.ThrowsAsync<OidcProviderException>(() => Provider(config, Urls).CompleteAsync(Callback("code-1"), default));

        Assert.Equal(500, e.Status);
        Assert.DoesNotContain("PRIVATE KEY-----", e.Message);
    }

    internal static OidcProviderOptions AppleEntry(ECDsa key, string[] scope)
    {
        var config = Entry("apple", null, scope);
        config.ClientSecret = null;
        config.AppleTeamId = "TEAM123456";
        config.ApplePrivateKeyId = "KEY1234567";
        config.ApplePrivateKey = key.ExportPkcs8PrivateKeyPem();
        return config;
    }

    private void Urls(IServiceCollection services) => services.AddSingleton(new AppleUrls(
        _idp.Url + "/.well-known/openid-configuration", _idp.Url + "/auth/authorize", _idp.Url + "/auth/token", _idp.Url + "/jwks"));

    private IOidcProvider Apple(ECDsa? key = null, string[]? scope = null, TimeProvider? time = null) =>
        Provider(AppleEntry(key ?? _developerKey, scope ?? ["email", "name"]), Urls, time);
}
