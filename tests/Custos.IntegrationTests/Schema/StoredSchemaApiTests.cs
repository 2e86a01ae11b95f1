using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Schema;

/// <summary><c>PUT/GET/DELETE /admin/identity-schemas/{id}</c> and what a stored schema is good for, on each database.</summary>
public abstract class StoredSchemaApiTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : CustosAppFactory
{
    [SkippableFact]
    public async Task Put_StoresTheSchema_GetReturnsIt_AndSchemasListItBesideTheConfiguredOne()
    {
        var admin = app.Admin();
        var id = StoredSchemas.NewId();

        var put = await admin.SendJsonAsync(HttpMethod.Put, $"/admin/identity-schemas/{id}", StoredSchemas.Username());
        var got = await admin.GetAsync($"/admin/identity-schemas/{id}");
        var list = (await (await app.Public().GetAsync("/schemas")).JsonAsync()).AsArray();
        var byEncodedId = await app.Public().GetAsync("/schemas/" + Base64Url(id));

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
        var body = (await got.JsonAsync()).AsObject();
        Assert.Equal(id, body["id"]!.GetValue<string>());
        Assert.Equal(3, body["schema"]!["properties"]!["traits"]!["properties"]!["username"]!["minLength"]!.GetValue<int>());
        Assert.Equal("default", list[0]!["id"]!.GetValue<string>());
        Assert.Contains(list, s => s!["id"]!.GetValue<string>() == id && s["schema"]!["properties"] is not null);
        Assert.Equal(HttpStatusCode.OK, byEncodedId.StatusCode);
        Assert.NotNull((await byEncodedId.JsonAsync())["properties"]!["traits"]!["properties"]!["username"]);
    }

    [SkippableFact]
    public async Task Put_AgainReplacesTheSchema_With200()
    {
        var admin = app.Admin();
        var id = StoredSchemas.NewId();
        await admin.SendJsonAsync(HttpMethod.Put, $"/admin/identity-schemas/{id}", StoredSchemas.Username(3));

        var replaced = await admin.SendJsonAsync(HttpMethod.Put, $"/admin/identity-schemas/{id}", StoredSchemas.Username(8));
        var tooShort = await admin.PostJsonAsync("/admin/identities", StoredSchemas.IdentityWith(id, "abcde"));

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(8, (await replaced.JsonAsync())["schema"]!["properties"]!["traits"]!["properties"]!["username"]!["minLength"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
    }

    [SkippableTheory]
    [InlineData("""{"type":"object","properties":{"name":{"type":"string"}}}""", "properties/traits is missing")]
    [InlineData("""{"type":"object","properties":{"traits":{"type":"object","properties":{}}}}""", "at least one trait")]
    [InlineData("""{"type":"object","properties":{"traits":{"type":"string","properties":{"a":{"type":"string"}}}}}""", "traits/type must be \"object\"")]
    [InlineData("""{"type":5,"properties":{"traits":{"type":"object","properties":{"a":{"type":"string"}}}}}""", "not a valid JSON Schema")]
    [InlineData("""{"type":"object","properties":{"traits":{"type":"object","properties":{"a":{"type":"string","ory.sh/kratos":{"credentials":{"password":{"identifier":"yes"}}}}}}}}""", "identifier must be a boolean")]
    [InlineData("""{"type":"object","properties":{"traits":{"type":"object","properties":{"a":{"type":"object","properties":{"b":{"type":"string","ory.sh/kratos":{"verfication":{}}}}}}}}}""", "verfication is not a member")]
    [InlineData("""{"type":"object","properties":{"traits":{"type":"object","properties":{"a":{"type":"string","format":"uri","ory.sh/kratos":{"verification":{"via":"email"}}}}}}}""", "format must be one of")]
    [InlineData("""{"type":"object","properties":{"traits":{"type":"object","properties":{"a":{"type":"string","ory.sh/kratos":{"recovery":{"via":"pigeon"}}}}}}}""", "via must be one of")]
    [InlineData("""{"type":"object","properties":{"traits":{"type":"object","properties":{"a":{"$ref":"file:///etc/passwd"}}}}}""", "cannot be compiled")]
    [InlineData("""[1,2]""", "not a valid JSON Schema")]
    public async Task Put_SchemaThatFailsTheIdentityMetaSchema_Returns400WithTheReason(string schema, string reason)
    {
        var id = StoredSchemas.NewId();

        var response = await app.Admin().SendJsonAsync(HttpMethod.Put, $"/admin/identity-schemas/{id}", schema);
        var error = (await response.JsonAsync())["error"]!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, error["code"]!.GetValue<int>());
        Assert.Contains(reason, error["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Admin().GetAsync($"/admin/identity-schemas/{id}")).StatusCode);
    }

    [SkippableTheory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task ConfiguredSchemaId_Returns409(string method)
    {
        var response = await app.Admin().SendJsonAsync(new HttpMethod(method), "/admin/identity-schemas/default", StoredSchemas.Username());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(409, (await response.JsonAsync())["error"]!["code"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task CreateIdentity_WithTheStoredSchema_ValidatesItsTraitsAndIdentifiers()
    {
        var admin = app.Admin();
        var id = StoredSchemas.NewId();
        await admin.SendJsonAsync(HttpMethod.Put, $"/admin/identity-schemas/{id}", StoredSchemas.Username());
        var username = "user" + Guid.NewGuid().ToString("N")[..8];

        var created = await admin.PostJsonAsync("/admin/identities", StoredSchemas.IdentityWith(id, username));
        var invalid = await admin.PostJsonAsync("/admin/identities", $$$"""{"schema_id":"{{{id}}}","traits":{"email":"a@example.com"}}""");
        var body = (await created.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(id, body["schema_id"]!.GetValue<string>());
        Assert.EndsWith("/schemas/" + Base64Url(id), body["schema_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(username, body["credentials"]!["password"]!["identifiers"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [SkippableFact]
    public async Task Delete_UnusedSchema_Returns204_AndTheIdIsUnknownAfterwards()
    {
        var admin = app.Admin();
        var id = StoredSchemas.NewId();
        await admin.SendJsonAsync(HttpMethod.Put, $"/admin/identity-schemas/{id}", StoredSchemas.Username());
        var user = await (await admin.PostJsonAsync("/admin/identities", StoredSchemas.IdentityWith(id, "former" + Guid.NewGuid().ToString("N")[..6]))).JsonAsync();
        await admin.DeleteAsync($"/admin/identities/{user["id"]}");

        var deleted = await admin.DeleteAsync($"/admin/identity-schemas/{id}");
        var again = await admin.DeleteAsync($"/admin/identity-schemas/{id}");
        var create = await admin.PostJsonAsync("/admin/identities", StoredSchemas.IdentityWith(id, "someone"));
        var schema = await app.Public().GetAsync($"/schemas/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, schema.StatusCode);
    }

    [SkippableFact]
    public async Task Delete_SchemaThatAnIdentityUses_Returns409_AndKeepsIt()
    {
        var admin = app.Admin();
        var id = StoredSchemas.NewId();
        await admin.SendJsonAsync(HttpMethod.Put, $"/admin/identity-schemas/{id}", StoredSchemas.Username());
        await admin.PostJsonAsync("/admin/identities", StoredSchemas.IdentityWith(id, "user" + Guid.NewGuid().ToString("N")[..8]));

        var response = await admin.DeleteAsync($"/admin/identity-schemas/{id}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("used by at least one identity", (await response.JsonAsync())["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/admin/identity-schemas/{id}")).StatusCode);
    }

    [SkippableFact]
    public async Task Registration_KeepsTheConfiguredDefault_AndDoesNotOfferAStoredSchema()
    {
        var id = StoredSchemas.NewId();
        await app.Admin().SendJsonAsync(HttpMethod.Put, $"/admin/identity-schemas/{id}", StoredSchemas.Username());
        var client = new FlowClient(app, ClientKind.Api);

        var selected = await client.Http.GetAsync($"/self-service/registration/api?identity_schema={id}");
        var flow = await client.InitAsync("registration");
        var session = await (await client.RegisterAsync($"{Guid.NewGuid():N}@example.com", "correct horse battery staple")).JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, selected.StatusCode);
        Assert.Contains(flow["ui"]!["nodes"]!.AsArray(), n => n!["attributes"]!["name"]?.GetValue<string>() == "traits.email");
        Assert.DoesNotContain(flow["ui"]!["nodes"]!.AsArray(), n => n!["attributes"]!["name"]?.GetValue<string>() == "traits.username");
        Assert.Equal("default", session["identity"]!["schema_id"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData("%20")]
    [InlineData("a%01b")]
    public async Task Put_BadId_Returns400(string id)
    {
        var response = await app.Admin().SendJsonAsync(HttpMethod.Put, $"/admin/identity-schemas/{id}", StoredSchemas.Username());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string Base64Url(string id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(id)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed class SqliteStoredSchemaApiTests(CustosAppFactory app) : StoredSchemaApiTests<CustosAppFactory>(app);

public sealed class PostgresStoredSchemaApiTests(PostgresAppFactory app) : StoredSchemaApiTests<PostgresAppFactory>(app);
