using System.Security.Cryptography;
using System.Text;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.Oidc.OAuth2;
using Custos.IntegrationTests.Oidc.Providers;
using Custos.SelfService.Strategies.Oidc.Providers.Apple;
using Custos.SelfService.Strategies.Oidc.Providers.Google;
using Custos.SelfService.Strategies.Oidc.Providers.MicrosoftEntra;
using Custos.SelfService.Strategies.Oidc.Providers.OAuth2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.IntegrationTests.Oidc.Strategy;

/// <summary>
/// The app with social sign-in on against local stand-ins: <see cref="Idp"/> (the generic providers, Google's keys and
/// Microsoft's per-tenant documents), <see cref="AppleIdp"/> (Apple's token endpoint checks the client secret JWT) and
/// <see cref="GitHub"/>; the presets' URL records point at them. A manual clock moves pending sign-ins past their age.
/// </summary>
public class OidcStrategyApp : CustosAppFactory
{
    public const string Tenant = "9188040d-6c67-4c5b-b112-36a304b66dad";
    public const string CipherSecret = "secret-thirty-two-character-long";

    private readonly ECDsa _appleKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public OidcStrategyApp()
        : this(highestAvailable: false)
    {
    }

    /// <summary>With <paramref name="highestAvailable"/>: TOTP on and <c>session.whoami.required_aal: highest_available</c>.</summary>
    protected OidcStrategyApp(bool highestAvailable)
    {
        Idp = FakeIdp.StartAsync().GetAwaiter().GetResult();
        AppleIdp = FakeIdp.StartAsync().GetAwaiter().GetResult();
        Upstream = FakeUpstream.StartAsync().GetAwaiter().GetResult();
        GitHub = new GitHubFake(Upstream, "gh-client", "gh-secret", $"http://localhost:{PublicPort}/self-service/methods/oidc/callback/github");
        Idp.IssuerForPath = path => path.StartsWith("/google/", StringComparison.Ordinal) ? GoogleUrls.Issuer
            : path.Contains("/v2.0/.well-known", StringComparison.Ordinal) ? MicrosoftUrls.IssuerHost + path[..path.IndexOf("/.well-known", StringComparison.Ordinal)]
            : Idp.Url;
        AppleIdp.Issuer = AppleUrls.Issuer;
        AppleIdp.AppleClient = (_appleKey, "TEAM123456", "KEY1234567");
        Clock = ManualClock;
        ExtraYaml = Yaml(_appleKey.ExportPkcs8PrivateKeyPem(), Idp.Url, highestAvailable);
        ReplaceServices = services =>
        {
            services.Replace(ServiceDescriptor.Singleton(new GoogleUrls(Idp.Url + "/google/.well-known/openid-configuration", Idp.Url + "/jwks")));
            services.Replace(ServiceDescriptor.Singleton(new MicrosoftUrls(Idp.Url, Idp.Url)));
            services.Replace(ServiceDescriptor.Singleton(new AppleUrls(
                AppleIdp.Url + "/.well-known/openid-configuration", AppleIdp.Url + "/auth/authorize", AppleIdp.Url + "/auth/token", AppleIdp.Url + "/jwks")));
            services.Replace(ServiceDescriptor.Singleton(new GitHubUrls(Upstream.BaseUrl + "/login/oauth/authorize", Upstream.BaseUrl + "/login/oauth/access_token", Upstream.BaseUrl + "/api")));
        };
    }

    internal FakeIdp Idp { get; }

    internal FakeIdp AppleIdp { get; }

    internal FakeUpstream Upstream { get; }

    internal GitHubFake GitHub { get; }

    public ManualTimeProvider ManualClock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Maps email and names, vouches for a verified email and records the issuer.</summary>
    public const string Mapper = """
        local claims = std.extVar('claims');
        {
          identity: {
            traits: {
              [if 'email' in claims then 'email']: claims.email,
              [if 'given_name' in claims then 'name']: { first: claims.given_name, last: claims.family_name },
            },
            verified_addresses: if 'email' in claims && claims.email_verified then [{ via: 'email', value: claims.email }] else [],
            metadata_public: { upstream_issuer: claims.iss },
          },
        }
        """;

    public static string Base64(string jsonnet) => "base64://" + Convert.ToBase64String(Encoding.UTF8.GetBytes(jsonnet));

    private static string Yaml(string applePem, string idp, bool highestAvailable)
    {
        var totp = highestAvailable ? "    totp:\n      enabled: true\n      config:\n        issuer: Custos Test\n" : "";
        var session = highestAvailable ? "session:\n  whoami:\n    required_aal: highest_available\n" : "";
        var pem = string.Join("\n", applePem.Split('\n').Select(l => "                  " + l.TrimEnd('\r')));
        string Generic(string id, string mapper) => $"""
                      - id: {id}
                        provider: generic
                        client_id: client-1
                        client_secret: secret
                        issuer_url: {idp}
                        mapper_url: {Base64(mapper)}
                        scope: [openid, email]

            """;
        return $$"""
            clients:
              http:
                disallow_private_ip_ranges: false
            secrets:
              cipher:
                - {{CipherSecret}}
            selfservice:
              methods:
                oidc:
                  enabled: true
                  config:
                    providers:
            {{Generic("op", Mapper)}}{{Generic("other", Mapper)}}{{Generic("failing", "error 'x'")}}{{Generic("looping", "local f(x) = f(x + 1); f(0)")}}
                      - id: google
                        provider: google
                        client_id: client-1
                        client_secret: secret
                        mapper_url: {{Base64(Mapper)}}
                        scope: [openid, email]
                      - id: microsoft
                        provider: microsoft
                        microsoft_tenant: {{Tenant}}
                        client_id: client-1
                        client_secret: secret
                        mapper_url: {{Base64(Mapper)}}
                        scope: [openid, email]
                      - id: apple
                        provider: apple
                        client_id: client-1
                        apple_team_id: TEAM123456
                        apple_private_key_id: KEY1234567
                        apple_private_key: |
            {{pem}}
                        mapper_url: {{Base64(Mapper)}}
                        scope: [email, name]
                      - id: github
                        provider: github
                        client_id: gh-client
                        client_secret: gh-secret
                        mapper_url: {{Base64(Mapper)}}
                        scope: [read:user, user:email]
            {{totp}}  flows:
                registration:
                  after:
                    oidc:
                      hooks:
                        - hook: session
            {{session}}
            """;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Idp.DisposeAsync().AsTask().GetAwaiter().GetResult();
        AppleIdp.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Upstream.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _appleKey.Dispose();
    }
}

public sealed class OidcStrategyPostgresApp : OidcStrategyApp
{
    public OidcStrategyPostgresApp()
    {
        UsePostgres();
    }
}
