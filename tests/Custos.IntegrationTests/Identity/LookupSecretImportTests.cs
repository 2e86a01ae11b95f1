using System.Net;
using System.Text.Json.Nodes;
using Custos.Identity;
using Custos.IntegrationTests.Infrastructure;
using Custos.SelfService.Strategies.LookupSecret;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.Identity;

/// <summary>Backup codes imported through the admin API are stored as MACs only, and still work once.</summary>
public abstract class LookupSecretImportTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : CustosAppFactory
{
    private async Task<string> ImportAsync()
    {
        var response = await app.Admin().PostJsonAsync("/admin/identities", $$$$$"""
            {"traits":{"email":"{{{{{Guid.NewGuid():N}}}}}@example.com"},
             "credentials":{"lookup_secret":{"config":{"codes":[{"code":"w1ksv5a9"},{"code":"k2v8bz01","used_at":"2021-08-17T11:32:39Z"}]}}}}
            """);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync())["id"]!.GetValue<string>();
    }

    [SkippableFact]
    public async Task ImportedCodes_AreShownAsMacsWithTheirUseTimes_NeverInClear()
    {
        var id = await ImportAsync();

        var body = (await (await app.Admin().GetAsync($"/admin/identities/{id}?include_credential=lookup_secret")).JsonAsync()).AsObject();

        var codes = body["credentials"]!["lookup_secret"]!["config"]!["recovery_codes"]!.AsArray();
        Assert.Equal(2, codes.Count);
        Assert.All(codes, c => Assert.Matches("^[0-9a-f]{64}$", c!["code_hmac"]!.GetValue<string>()));
        Assert.Null(codes[0]!["used_at"]);
        Assert.Equal("2021-08-17T11:32:39Z", codes[1]!["used_at"]!.GetValue<string>());
        Assert.DoesNotContain("w1ksv5a9", body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("k2v8bz01", body.ToJsonString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AnImportedCode_WorksOnce_AndAnImportedUsedCodeNever()
    {
        var id = Guid.Parse(await ImportAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var identity = (await scope.ServiceProvider.GetRequiredService<IIdentityPool>().GetAsync(id, withCredentials: true, CancellationToken.None))!;
        var verifier = scope.ServiceProvider.GetRequiredService<LookupSecretVerifier>();

        var first = await verifier.UseAsync(identity, "w1ksv5a9", CancellationToken.None);
        var again = await verifier.UseAsync(identity, "w1ksv5a9", CancellationToken.None);
        var used = await verifier.UseAsync(identity, "k2v8bz01", CancellationToken.None);

        Assert.Equal(LookupSecretUseStatus.Accepted, first.Status);
        Assert.Equal(LookupSecretUseStatus.AlreadyUsed, again.Status);
        Assert.Equal(LookupSecretUseStatus.AlreadyUsed, used.Status);
    }
}

public sealed class SqliteLookupSecretImportTests(CustosAppFactory app) : LookupSecretImportTests<CustosAppFactory>(app);

public sealed class PostgresLookupSecretImportTests(PostgresAppFactory app) : LookupSecretImportTests<PostgresAppFactory>(app);
