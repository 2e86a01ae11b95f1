using System.Text.Json.Nodes;
using Custos.Identity;
using Custos.IntegrationTests.Infrastructure;
using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Strategies.Totp;
using Custos.SelfService.Ui;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.SelfService.Totp;

/// <summary>Identities with and without TOTP, made through the admin API and read back through the app's own pool.</summary>
internal static class TotpIdentities
{
    public static async Task<Guid> CreateAsync(this TotpApp app, string? totpUrl = null, string schemaId = "default", string? username = null)
    {
        var traits = new JsonObject { ["email"] = $"{Guid.NewGuid():N}@example.com" };
        if (username is not null)
        {
            traits["username"] = username;
        }

        var body = new JsonObject { ["schema_id"] = schemaId, ["traits"] = traits };
        if (totpUrl is not null)
        {
            body["credentials"] = new JsonObject { ["totp"] = new JsonObject { ["config"] = new JsonObject { ["totp_url"] = totpUrl } } };
        }

        var response = await app.Admin().PostJsonAsync("/admin/identities", body.ToJsonString());
        var created = await response.JsonAsync();
        Assert.True((int)response.StatusCode == 201, created.ToJsonString());
        return Guid.Parse(created["id"]!.GetValue<string>());
    }

    public static async Task<(Guid Id, TotpKey Key)> CreateWithTotpAsync(this TotpApp app)
    {
        var key = TotpKey.Generate(TotpApp.Issuer, "someone");
        return (await app.CreateAsync(key.Url), key);
    }

    public static async Task<Custos.Identity.Identity> LoadAsync(this TotpApp app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IIdentityPool>().GetAsync(id, withCredentials: true, CancellationToken.None))!;
    }

    public static async Task SaveAsync(this TotpApp app, Custos.Identity.Identity identity)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IPrivilegedIdentityPool>().UpdateAsync(identity, CancellationToken.None);
    }

    public static async Task<T> WithScopeAsync<T, TService>(this TotpApp app, Func<TService, Task<T>> work)
        where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static string CodeNow(this TotpApp app, TotpKey key, int stepsAway = 0) =>
        TotpCode.Compute(key.Secret, app.ManualClock.GetUtcNow().UtcDateTime.AddSeconds(30 * stepsAway));

    public static SettingsFlow NewSettingsFlow(Guid identityId) => new()
    {
        Id = Guid.NewGuid(),
        Type = "browser",
        RequestUrl = "http://localhost:4433/self-service/settings/browser",
        IdentityId = identityId,
        Ui = new UiContainer { Action = "http://localhost:4433/self-service/settings?flow=x" },
    };
}
