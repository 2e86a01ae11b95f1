using Custos.Admin.Keys;
using Custos.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.Admin;

/// <summary>The app with <c>serve.admin.api_key_required: true</c> and a manual clock, on SQLite.</summary>
public class KeyedApp : CustosAppFactory
{
    public const string KeysRequiredYaml = """
        serve:
          admin:
            api_key_required: true
        selfservice:
          methods:
            totp:
              enabled: true
            lookup_secret:
              enabled: true
        """;

    public KeyedApp()
    {
        ExtraYaml = KeysRequiredYaml;
        Clock = ManualClock;
    }

    public ManualTimeProvider ManualClock { get; } = new();

    /// <summary>Creates a key straight through the service (as <c>custos admin-keys create</c> does); returns its id and secret.</summary>
    public async Task<(Guid Id, string Secret)> CreateKeyAsync(string[] scopes, string? expiresIn = null)
    {
        _ = Admin();
        await using var scope = Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<AdminKeyService>().CreateAsync("test-" + Guid.NewGuid().ToString("N")[..6], scopes, expiresIn, CancellationToken.None);
        return (created.Key.Id, created.Secret);
    }

    /// <summary>An admin client that sends <paramref name="secret"/> as a bearer token.</summary>
    public HttpClient Admin(string secret)
    {
        var client = Admin();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }
}

/// <summary><see cref="KeyedApp"/> on a fresh PostgreSQL database.</summary>
public sealed class PostgresKeyedApp : KeyedApp
{
    public PostgresKeyedApp()
    {
        UsePostgres();
    }
}
