using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Identity;

public abstract class IdentityAdminApiTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : CustosAppFactory
{
    private static string NewEmail() => $"{Guid.NewGuid():N}@example.com";

    [SkippableFact]
    public async Task Create_ReturnsKratosShape_WithLocation_AndNoHashes()
    {
        var admin = app.Admin();
        var email = NewEmail();

        var response = await admin.PostJsonAsync("/admin/identities", $$$$$"""
            {"schema_id":"default","traits":{"email":"{{{{{email.ToUpperInvariant()}}}}}"},"metadata_public":{"plan":"pro"},
             "credentials":{"password":{"config":{"password":"a-long-secret-passphrase"}}}}
            """);
        var body = (await response.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"http://localhost:4434/admin/identities/{body["id"]}", response.Headers.Location?.ToString());
        Assert.Equal(["id", "credentials", "schema_id", "schema_url", "state", "state_changed_at", "traits", "verifiable_addresses", "recovery_addresses", "metadata_public", "metadata_admin", "created_at", "updated_at", "organization_id"],
            body.Select(kv => kv.Key).ToArray());
        Assert.Equal("http://localhost:4433/schemas/ZGVmYXVsdA", body["schema_url"]!.GetValue<string>());
        Assert.Equal("active", body["state"]!.GetValue<string>());
        Assert.Equal(email, body["credentials"]!["password"]!["identifiers"]![0]!.GetValue<string>());
        Assert.Null(body["credentials"]!["password"]!["config"]);
        Assert.Equal(email, body["verifiable_addresses"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("pending", body["verifiable_addresses"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(email, body["recovery_addresses"]![0]!["value"]!.GetValue<string>());
        Assert.DoesNotContain("a-long-secret-passphrase", body.ToJsonString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Get_IncludeCredentialPassword_ReturnsHash_OnlyWhenAsked()
    {
        var admin = app.Admin();
        var created = await admin.CreateIdentityAsync(NewEmail(), "a-long-secret-passphrase");
        var id = created["id"]!.GetValue<string>();

        var plain = (await (await admin.GetAsync($"/admin/identities/{id}")).JsonAsync()).AsObject();
        var included = (await (await admin.GetAsync($"/admin/identities/{id}?include_credential=password")).JsonAsync()).AsObject();

        Assert.Null(plain["credentials"]!["password"]!["config"]);
        var hash = included["credentials"]!["password"]!["config"]!["hashed_password"]!.GetValue<string>();
        Assert.StartsWith("$", hash, StringComparison.Ordinal);
        Assert.NotEqual("a-long-secret-passphrase", hash);
    }

    [SkippableFact]
    public async Task Get_Unknown_Returns404Envelope()
    {
        var response = await app.Admin().GetAsync($"/admin/identities/{Guid.NewGuid()}");
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, body["error"]!["code"]!.GetValue<int>());
        Assert.Equal("Not Found", body["error"]!["status"]!.GetValue<string>());
        Assert.Equal("Unable to locate the resource", body["error"]!["message"]!.GetValue<string>());
        Assert.True(response.Headers.Contains("Ory-Error-Id"));
    }

    [SkippableFact]
    public async Task Create_DuplicateEmail_Returns409()
    {
        var admin = app.Admin();
        var email = NewEmail();
        await admin.CreateIdentityAsync(email);

        var response = await admin.PostJsonAsync("/admin/identities", $$$$$"""{"traits":{"email":"{{{{{email}}}}}"}}""");
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("This identity conflicts with another identity that already exists.", body["error"]!["reason"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Create_TwentyConcurrentSameEmail_ExactlyOneSucceeds()
    {
        var admin = app.Admin();
        var email = NewEmail();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => admin.PostJsonAsync("/admin/identities", $$$$$"""{"traits":{"email":"{{{{{email}}}}}"}}""")));
        var codes = responses.Select(r => (int)r.StatusCode).ToList();
        var listed = await (await admin.GetAsync($"/admin/identities?credentials_identifier={email}")).JsonAsync();

        Assert.Equal(1, codes.Count(c => c == 201));
        Assert.Equal(19, codes.Count(c => c == 409));
        Assert.Equal(0, codes.Count(c => c >= 500));
        Assert.Single(listed.AsArray());
    }

    [SkippableFact]
    public async Task Create_UnknownField_Returns400()
    {
        var response = await app.Admin().PostJsonAsync("/admin/identities", $$$$$"""{"traits":{"email":"{{{{{NewEmail()}}}}}"},"favourite_colour":"red"}""");
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("favourite_colour", body["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Create_InvalidState_Returns400()
    {
        var response = await app.Admin().PostJsonAsync("/admin/identities", $$$$$"""{"traits":{"email":"{{{{{NewEmail()}}}}}"},"state":"sleeping"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [SkippableFact]
    public async Task Create_UnknownHashFormat_Returns400()
    {
        var response = await app.Admin().PostJsonAsync("/admin/identities", $$$$$"""{"traits":{"email":"{{{{{NewEmail()}}}}}"},"credentials":{"password":{"config":{"hashed_password":"$nope$abc"}}}}""");
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The imported password does not match any known hash format.", body["error"]!["reason"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Delete_ThenGet_Returns404()
    {
        var admin = app.Admin();
        var id = (await admin.CreateIdentityAsync(NewEmail()))["id"]!.GetValue<string>();

        var deleted = await admin.DeleteAsync($"/admin/identities/{id}");
        var again = await admin.DeleteAsync($"/admin/identities/{id}");
        var get = await admin.GetAsync($"/admin/identities/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [SkippableFact]
    public async Task GetByExternalId_FindsIdentity()
    {
        var admin = app.Admin();
        var external = "ext-" + Guid.NewGuid().ToString("N");
        await admin.PostJsonAsync("/admin/identities", $$$$$"""{"traits":{"email":"{{{{{NewEmail()}}}}}"},"external_id":"{{{{{external}}}}}"}""");

        var found = await admin.GetAsync($"/admin/identities/by/external/{external}");
        var missing = await admin.GetAsync("/admin/identities/by/external/nope-" + Guid.NewGuid());

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal(external, (await found.JsonAsync())["external_id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [SkippableFact]
    public async Task AdminPath_WithoutPrefix_WorksOnAdminPort()
    {
        var admin = app.Admin();
        var id = (await admin.CreateIdentityAsync(NewEmail()))["id"]!.GetValue<string>();

        var response = await admin.GetAsync($"/identities/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [SkippableTheory]
    [InlineData("/admin/identities")]
    [InlineData("/identities")]
    public async Task AdminRoutes_OnPublicPort_RedirectToAdmin(string path)
    {
        var response = await app.Public().GetAsync(path);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("http://localhost:4434/admin/identities", response.Headers.Location?.ToString());
    }
}

public sealed class SqliteIdentityAdminApiTests(CustosAppFactory app) : IdentityAdminApiTests<CustosAppFactory>(app);

public sealed class PostgresIdentityAdminApiTests(PostgresAppFactory app) : IdentityAdminApiTests<PostgresAppFactory>(app);
