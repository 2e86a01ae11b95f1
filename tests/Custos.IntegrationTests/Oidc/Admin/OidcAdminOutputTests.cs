using System.Net;
using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Identity;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.Oidc.Mapper;
using Custos.Persistence;
using Custos.SelfService.Strategies.Oidc;
using Custos.SelfService.Strategies.Oidc.Tokens;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Custos.IntegrationTests.Oidc.Admin;

/// <summary>
/// <c>credentials.oidc</c> through the admin API (strategies contract §5.10): imported providers become
/// <c>&lt;provider&gt;:&lt;subject&gt;</c> identifiers; tokens are hex ciphertext at rest and shown decrypted, in
/// Kratos's key order, only with <c>include_credential=oidc</c>; a token that does not open is <c>""</c>.
/// </summary>
public abstract class OidcAdminOutputTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : OidcAdminApp
{
    private const string IdToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMDg5MjMifQ.c2ln";
    private const string AccessToken = "ya29.an-upstream-access-token";

    private async Task<Guid> ImportAsync(string providers)
    {
        var body = $$"""{"schema_id":"default","traits":{"email":"{{Guid.NewGuid():N}}@example.com"},"credentials":{"oidc":{"config":{"providers":"""
            + providers + "}}}}";
        var response = await app.Admin().PostJsonAsync("/admin/identities", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await response.JsonAsync())["id"]!.GetValue<string>());
    }

    private async Task LinkWithTokensAsync(Guid id, string provider, string subject, IOidcTokenCipher cipher)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var identity = (await scope.ServiceProvider.GetRequiredService<IIdentityPool>().GetAsync(id, withCredentials: true, CancellationToken.None))!;
        OidcCredentialConfig.Add(identity.Credentials[CredentialTypes.Oidc], provider, subject, new OidcTokens(IdToken, AccessToken, ""), cipher);
        await scope.ServiceProvider.GetRequiredService<IPrivilegedIdentityPool>().UpdateAsync(identity, CancellationToken.None);
    }

    private async Task<string> StoredConfigAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT CAST(config AS TEXT) FROM identity_credentials WHERE identity_id = @id AND type = 'oidc'", new { id })) ?? "";
    }

    // Identifiers are unique across identities, and the tests share one database.
    private static string Subject() => Guid.NewGuid().ToString("N");

    private IOidcTokenCipher AppCipher() => app.Services.GetRequiredService<IOidcTokenCipher>();

    [SkippableFact]
    public async Task ImportedProviders_BecomeIdentifiers_AndShowNoConfigUnlessAsked()
    {
        var (google, github) = (Subject(), Subject());
        var id = await ImportAsync($$"""[{"provider":"google","subject":"{{google}}"},{"provider":"github","subject":"{{github}}","use_auto_link":true}]""");

        var plain = await (await app.Admin().GetAsync($"/admin/identities/{id}")).JsonAsync();
        var included = await (await app.Admin().GetAsync($"/admin/identities/{id}?include_credential=oidc")).JsonAsync();

        var oidc = plain["credentials"]!["oidc"]!;
        Assert.Equal([$"github:{github}", $"google:{google}"], oidc["identifiers"]!.AsArray().Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Null(oidc["config"]);
        Assert.Equal(
            $$"""{"providers":[{"initial_id_token":"","initial_access_token":"","initial_refresh_token":"","subject":"{{google}}","provider":"google"},""" +
            $$"""{"initial_id_token":"","initial_access_token":"","initial_refresh_token":"","subject":"{{github}}","provider":"github","use_auto_link":true}]}""",
            included["credentials"]!["oidc"]!["config"]!.ToJsonString());
    }

    [SkippableFact]
    public async Task Tokens_AreHexCiphertextAtRest_AndDecryptedForIncludeCredential()
    {
        var (google, github) = (Subject(), Subject());
        var id = await ImportAsync($$"""[{"provider":"github","subject":"{{github}}"}]""");
        await LinkWithTokensAsync(id, "google", google, AppCipher());

        var stored = await StoredConfigAsync(id);
        var single = await (await app.Admin().GetAsync($"/admin/identities/{id}?include_credential=oidc")).JsonAsync();
        var listed = await (await app.Admin().GetAsync($"/admin/identities?ids={id}&include_credential=oidc")).JsonAsync();
        var plain = await (await app.Admin().GetAsync($"/admin/identities/{id}")).JsonAsync();

        Assert.DoesNotContain(AccessToken, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(IdToken, stored, StringComparison.Ordinal);
        var storedGoogle = JsonNode.Parse(stored)!["providers"]![1]!;
        Assert.Matches("^[0-9a-f]{90,}$", storedGoogle["initial_access_token"]!.GetValue<string>());
        Assert.Equal("", storedGoogle["initial_refresh_token"]!.GetValue<string>());
        var shown = single["credentials"]!["oidc"]!["config"]!["providers"]![1]!.AsObject();
        Assert.Equal(["initial_id_token", "initial_access_token", "initial_refresh_token", "subject", "provider"], shown.Select(kv => kv.Key));
        Assert.Equal(IdToken, shown["initial_id_token"]!.GetValue<string>());
        Assert.Equal(AccessToken, shown["initial_access_token"]!.GetValue<string>());
        Assert.Equal("", shown["initial_refresh_token"]!.GetValue<string>());
        Assert.Equal([$"github:{github}", $"google:{google}"], single["credentials"]!["oidc"]!["identifiers"]!.AsArray().Select(n => n!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(single["credentials"]!["oidc"]!["config"]!.ToJsonString(), listed[0]!["credentials"]!["oidc"]!["config"]!.ToJsonString());
        Assert.DoesNotContain(AccessToken, plain.ToJsonString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TokensSealedUnderAnotherCipherSecret_AreShownEmpty_NotA500()
    {
        var options = new CustosOptions();
        options.Ciphers.Algorithm = CipherAlgorithm.Aes;
        options.Secrets.Cipher = ["another-secret-thirty-two-chars!"];
        var foreign = new OidcTokenCipher(new FixedOptions(options), NullLogger<OidcTokenCipher>.Instance);
        var google = Subject();
        var id = await ImportAsync($$"""[{"provider":"github","subject":"{{Subject()}}"}]""");
        await LinkWithTokensAsync(id, "google", google, foreign);

        var response = await app.Admin().GetAsync($"/admin/identities/{id}?include_credential=oidc");
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            $$"""{"initial_id_token":"","initial_access_token":"","initial_refresh_token":"","subject":"{{google}}","provider":"google"}""",
            body["credentials"]!["oidc"]!["config"]!["providers"]![1]!.ToJsonString());
    }

    [SkippableFact]
    public async Task ImportingAProviderWithoutSubject_IsA400()
    {
        var response = await app.Admin().PostJsonAsync("/admin/identities", """
            {"schema_id":"default","traits":{"email":"nosub@example.com"},"credentials":{"oidc":{"config":{"providers":[{"provider":"google"}]}}}}
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, (await response.JsonAsync())["error"]!["code"]!.GetValue<int>());
    }
}

public sealed class SqliteOidcAdminOutputTests(OidcAdminApp app) : OidcAdminOutputTests<OidcAdminApp>(app);

public sealed class PostgresOidcAdminOutputTests(OidcAdminPostgresApp app) : OidcAdminOutputTests<OidcAdminPostgresApp>(app);
