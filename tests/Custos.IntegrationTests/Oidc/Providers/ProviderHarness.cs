using System.Text.Json.Nodes;
using Custos.Config;
using Custos.SelfService.Strategies.Oidc;
using Custos.SelfService.Strategies.Oidc.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Custos.IntegrationTests.Oidc.Providers;

/// <summary>Builds the providers as the server does (<c>AddOidcProviders()</c>), from provider entries and URL overrides.</summary>
internal static class ProviderHarness
{
    public const string RedirectUri = "https://custos.example/self-service/methods/oidc/callback/p";

    public static ServiceProvider Services(IEnumerable<OidcProviderOptions> providers, Action<IServiceCollection>? configure = null, TimeProvider? time = null, bool enabled = true, bool guard = false)
    {
        var options = new CustosOptions();
        options.Selfservice.Methods.Oidc.Enabled = enabled;

        // Custos refuses private addresses unless told otherwise; the fake provider is on loopback.
        options.Clients.Http.DisallowPrivateIpRanges = guard;
        options.Selfservice.Methods.Oidc.Config.Providers.AddRange(providers);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IOptionsMonitor<CustosOptions>>(new FixedOptions(options));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        configure?.Invoke(services);
        services.AddOidcProviders();
        return services.BuildServiceProvider();
    }

    public static IOidcProvider Provider(OidcProviderOptions config, Action<IServiceCollection>? configure = null, TimeProvider? time = null) =>
        Services([config], configure, time).GetRequiredService<IOidcProviders>().Find(config.Id)
            ?? throw new InvalidOperationException("provider not built");

    public static OidcProviderOptions Entry(string kind, string? issuerUrl, params string[] scope) => new()
    {
        Id = "p",
        Provider = kind,
        ClientId = "client-1",
        ClientSecret = "secret",
        IssuerUrl = issuerUrl,
        MapperUrl = "base64://e30=",
        Scope = [.. scope],
    };

    public static OidcAuthorizationRequest Authorize(string? challenge = null, bool forceLogin = false, Dictionary<string, string>? upstream = null) =>
        new("state-1", RedirectUri, challenge, forceLogin, upstream ?? []);

    public static OidcCallbackRequest Callback(string code, string? verifier = null, Dictionary<string, string>? query = null) =>
        new(code, RedirectUri, verifier, query ?? new Dictionary<string, string> { ["code"] = code, ["state"] = "state-1" });

    /// <summary>ID token claims for <paramref name="issuer"/> and <c>client-1</c>, valid for an hour.</summary>
    public static JsonObject IdClaims(string issuer, string sub = "subject-1", string aud = "client-1")
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new JsonObject { ["iss"] = issuer, ["sub"] = sub, ["aud"] = aud, ["iat"] = now, ["exp"] = now + 3600 };
    }

    public static Dictionary<string, string> QueryOf(string url) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(url).Query).ToDictionary(kv => kv.Key, kv => kv.Value.ToString());

    private sealed class FixedOptions(CustosOptions value) : IOptionsMonitor<CustosOptions>
    {
        public CustosOptions CurrentValue => value;

        public CustosOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<CustosOptions, string?> listener) => null;
    }
}
