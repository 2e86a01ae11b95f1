using System.Net;
using System.Text.Json.Nodes;
using Custos.Identity;
using Custos.IntegrationTests.Infrastructure;
using Custos.Persistence;
using Custos.SelfService.Strategies.Totp;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.SelfService.Totp;

/// <summary>The admin API keeps Kratos's <c>{"totp_url": …}</c> while the database holds the URL sealed.</summary>
public abstract class TotpAdminViewTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : TotpApp
{
    private async Task<string> StoredConfigAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var connection = await db.ConnectionAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT CAST(config AS TEXT) FROM identity_credentials WHERE identity_id = @id AND type = 'totp'", new { id })) ?? "";
    }

    [SkippableFact]
    public async Task AnImportedUrl_IsStoredSealed_AndShownAsKratosDoes()
    {
        var key = TotpKey.Generate(TotpApp.Issuer, "bob");
        var id = await app.CreateAsync(key.Url);

        var stored = await StoredConfigAsync(id);
        var plain = await (await app.Admin().GetAsync($"/admin/identities/{id}")).JsonAsync();
        var included = await (await app.Admin().GetAsync($"/admin/identities/{id}?include_credential=totp")).JsonAsync();
        var listed = await (await app.Admin().GetAsync($"/admin/identities?ids={id}&include_credential=totp")).JsonAsync();

        Assert.Contains(TotpCredentialConfig.SealedUrlKey, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Secret, stored, StringComparison.Ordinal);
        Assert.Null(plain["credentials"]!["totp"]!["config"]);
        var totp = included["credentials"]!["totp"]!;
        Assert.Equal(new JsonObject { ["totp_url"] = key.Url }.ToJsonString(), totp["config"]!.ToJsonString());
        Assert.Equal($"[\"{id:D}\"]", totp["identifiers"]!.ToJsonString());
        Assert.Equal(0, totp["version"]!.GetValue<int>());
        Assert.Equal(totp["config"]!.ToJsonString(), listed[0]!["credentials"]!["totp"]!["config"]!.ToJsonString());
    }

    [SkippableFact]
    public async Task AUrlSealedUnderAnotherCipherSecret_IsShownEmpty_NotA500()
    {
        var (id, key) = await app.CreateWithTotpAsync();
        var identity = await app.LoadAsync(id);
        identity.Credentials[CredentialTypes.Totp].Config = TotpCredentialConfig.Create(id, key.Url, ["another-cipher-secret-32-chars!!"]);
        await app.SaveAsync(identity);

        var response = await app.Admin().GetAsync($"/admin/identities/{id}?include_credential=totp");
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"totp_url":""}""", body["credentials"]!["totp"]!["config"]!.ToJsonString());
    }
}

public sealed class SqliteTotpAdminViewTests(TotpApp app) : TotpAdminViewTests<TotpApp>(app);

public sealed class PostgresTotpAdminViewTests(TotpPostgresApp app) : TotpAdminViewTests<TotpPostgresApp>(app);
