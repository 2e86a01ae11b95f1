using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Custos.IntegrationTests.Oidc.Providers;

/// <summary>
/// A local OpenID Provider on 127.0.0.1 (Kestrel, free port) speaking the real protocol: discovery at any
/// <c>…/.well-known/openid-configuration</c>, a JWKS with a real RSA and a real EC P-256 key, a token endpoint (form
/// POST; Basic or body credentials; PKCE checked; Apple's client secret JWT checked against a public key), userinfo
/// and Graph's <c>/v1.0/me</c> (Bearer). Tests set what each answers and read what it received.
/// </summary>
internal sealed partial class FakeIdp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeIdp(WebApplication app, string url)
    {
        _app = app;
        Url = url;
        Issuer = url;
    }

    /// <summary><c>http://127.0.0.1:port</c>.</summary>
    public string Url { get; }

    /// <summary>The issuer the discovery document names (default: <see cref="Url"/>).</summary>
    public string Issuer { get; set; }

    /// <summary>The issuer of the discovery document served at a path (Microsoft's per-tenant documents), by default <see cref="Issuer"/>.</summary>
    public Func<string, string>? IssuerForPath { get; set; }

    public RSA Rsa { get; private set; } = RSA.Create(2048);

    public string RsaKid { get; private set; } = "rsa-1";

    public ECDsa Ec { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string EcKid { get; } = "ec-1";

    /// <summary>The discovery document's <c>code_challenge_methods_supported</c> (null: left out).</summary>
    public List<string>? CodeChallengeMethods { get; set; } = ["S256"];

    /// <summary>Replaces the discovery document's body (bad JSON tests).</summary>
    public string? DiscoveryBody { get; set; }

    /// <summary>The token endpoint's answers by code; <c>code_challenge</c> (S256) checked when set.</summary>
    public ConcurrentDictionary<string, (JsonObject Answer, string? CodeChallenge)> Codes { get; } = new();

    /// <summary>The client secret the token endpoint wants (Basic header or form); null: not checked.</summary>
    public string? ClientSecret { get; set; } = "secret";

    /// <summary>Apple: the key whose public half verifies the client secret JWT, the team and key ids it must name.</summary>
    public (ECDsa Key, string TeamId, string KeyId)? AppleClient { get; set; }

    public JsonObject UserInfo { get; set; } = [];

    public JsonObject GraphMe { get; set; } = [];

    /// <summary>The access token userinfo and Graph accept.</summary>
    public string AccessToken { get; set; } = "access-token-1";

    public ConcurrentQueue<Received> Requests { get; } = new();

    public int JwksFetches => Requests.Count(r => r.Path == "/jwks");

    public static async Task<FakeIdp> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeIdp? idp = null;
        app.Run(ctx => idp!.HandleAsync(ctx));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        idp = new FakeIdp(app, address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/'));
        return idp;
    }

    /// <summary>A new RSA key under a new <c>kid</c> (a key rotation); the JWKS serves only the new one.</summary>
    public void RotateRsa()
    {
        Rsa = RSA.Create(2048);
        RsaKid = "rsa-" + Guid.NewGuid().ToString("N")[..8];
    }

    /// <summary>A compact JWT over <paramref name="claims"/>: RS256 with <see cref="Rsa"/> or ES256 with <see cref="Ec"/>.</summary>
    public string Sign(JsonObject claims, string alg = "RS256", string? kid = null, AsymmetricAlgorithm? key = null)
    {
        var header = new JsonObject { ["alg"] = alg, ["kid"] = kid ?? (alg == "ES256" ? EcKid : RsaKid), ["typ"] = "JWT" };
        var input = Base64UrlEncoder.Encode(header.ToJsonString()) + "." + Base64UrlEncoder.Encode(claims.ToJsonString());
        var data = Encoding.ASCII.GetBytes(input);
        var signature = alg == "ES256"
            ? ((ECDsa)(key ?? Ec)).SignData(data, HashAlgorithmName.SHA256)
            : ((RSA)(key ?? Rsa)).SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return input + "." + Base64UrlEncoder.Encode(signature);
    }

    /// <summary>Registers <paramref name="code"/> to answer with these tokens.</summary>
    public void Issue(string code, string? idToken, string? codeChallenge = null, string refreshToken = "refresh-token-1")
    {
        var answer = new JsonObject { ["access_token"] = AccessToken, ["token_type"] = "Bearer", ["expires_in"] = 3600, ["refresh_token"] = refreshToken };
        if (idToken is not null)
        {
            answer["id_token"] = idToken;
        }

        Codes[code] = (answer, codeChallenge);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Rsa.Dispose();
        Ec.Dispose();
    }

    /// <summary>One request the fake received.</summary>
    public sealed record Received(string Method, string Path, string? Authorization, IReadOnlyDictionary<string, string> Form);
}
