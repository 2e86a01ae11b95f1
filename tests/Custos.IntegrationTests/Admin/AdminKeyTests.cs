using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Admin;

/// <summary>Admin API keys with <c>serve.admin.api_key_required: true</c>: 401/403, expiry, revocation, the key API.</summary>
public abstract class AdminKeyTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : KeyedApp
{
    [SkippableFact]
    public async Task NoKey_Is401_InKratosEnvelope()
    {
        var response = await app.Admin().GetAsync("/admin/identities");
        var error = (await response.JsonAsync())["error"]!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, error["code"]!.GetValue<int>());
        Assert.Equal("Unauthorized", error["status"]!.GetValue<string>());
        Assert.Equal("The request could not be authorized", error["message"]!.GetValue<string>());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [SkippableTheory]
    [InlineData("custos_ak_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-key")]
    [InlineData("")]
    public async Task UnknownOrMalformedKey_Is401(string key)
    {
        var client = app.Admin();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + key);

        var response = await client.GetAsync("/admin/identities");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotNull((await response.JsonAsync())["error"]);
    }

    [SkippableTheory]
    [InlineData("/admin/health/alive")]
    [InlineData("/admin/health/ready")]
    [InlineData("/admin/version")]
    [InlineData("/health/alive")]
    [InlineData("/version")]
    public async Task HealthAndVersion_StayOpen(string path)
    {
        var response = await app.Admin().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [SkippableFact]
    public async Task RightScope_Passes_WrongScope_Is403()
    {
        var (_, reader) = await app.CreateKeyAsync(["identities:read"]);

        var list = await app.Admin(reader).GetAsync("/admin/identities");
        var create = await app.Admin(reader).PostJsonAsync("/admin/identities", """{"schema_id":"default","traits":{"email":"x@example.com"}}""");
        var error = (await create.JsonAsync())["error"]!;

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal("The requested action was forbidden", error["message"]!.GetValue<string>());
        Assert.Contains("identities:write", error["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ExpiredKey_Is401()
    {
        var (_, key) = await app.CreateKeyAsync(["admin"], "1h");
        var before = await app.Admin(key).GetAsync("/admin/identities");

        app.ManualClock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var after = await app.Admin(key).GetAsync("/admin/identities");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [SkippableFact]
    public async Task ApiKeys_CreateShowsKeyOnce_ListHidesIt_DeleteRevokesAtOnce()
    {
        var (_, root) = await app.CreateKeyAsync(["admin"]);
        var admin = app.Admin(root);

        var created = await admin.PostJsonAsync("/admin/api-keys", """{"name":"ci","scopes":["sessions:read","courier:read"],"expires_in":"720h"}""");
        var body = (await created.JsonAsync()).AsObject();
        var secret = body["key"]!.GetValue<string>();
        var id = body["id"]!.GetValue<string>();
        var list = (await (await admin.GetAsync("/admin/api-keys")).JsonAsync()).AsArray();
        var usable = await app.Admin(secret).GetAsync("/admin/courier/messages");
        var revoke = await admin.DeleteAsync("/admin/api-keys/" + id);
        var afterRevoke = await app.Admin(secret).GetAsync("/admin/courier/messages");
        var revokeAgain = await admin.DeleteAsync("/admin/api-keys/" + id);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("custos_ak_", secret, StringComparison.Ordinal);
        Assert.True(secret.Length >= "custos_ak_".Length + 43);
        Assert.Equal(["courier:read", "sessions:read"], body["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).ToArray());
        Assert.NotNull(body["expires_at"]);
        var listed = Assert.Single(list, k => k!["id"]!.GetValue<string>() == id)!.AsObject();
        Assert.Equal(["id", "name", "scopes", "created_at", "expires_at", "last_used_at"], listed.Select(kv => kv.Key).ToArray());
        Assert.DoesNotContain(secret, list.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, usable.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revokeAgain.StatusCode);
    }

    [SkippableTheory]
    [InlineData("""{"name":"x","scopes":["identities:delete"]}""", "identities:delete")]
    [InlineData("""{"name":"x","scopes":[]}""", "scopes")]
    [InlineData("""{"name":"x","scopes":"admin"}""", "scopes")]
    [InlineData("""{"scopes":["admin"]}""", "name")]
    [InlineData("""{"name":"x","scopes":["admin"],"expires_in":"forever"}""", "forever")]
    [InlineData("""{"name":"x","scopes":["admin"],"expires_in":"-1h"}""", "-1h")]
    [InlineData("""[1]""", "object")]
    public async Task ApiKeys_BadInput_Is400Envelope(string json, string named)
    {
        var (_, root) = await app.CreateKeyAsync(["admin"]);

        var response = await app.Admin(root).PostJsonAsync("/admin/api-keys", json);
        var error = (await response.JsonAsync())["error"]!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, error["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ApiKeys_NeedAdminScope()
    {
        var (_, key) = await app.CreateKeyAsync(["identities:write", "impersonate", "audit:read"]);

        var response = await app.Admin(key).GetAsync("/admin/api-keys");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [SkippableFact]
    public async Task LastUsedAt_IsWrittenAtMostOncePerMinute()
    {
        var (id, key) = await app.CreateKeyAsync(["admin"]);

        await app.Admin(key).GetAsync("/admin/identities");
        var first = await LastUsedAsync(key, id);
        app.ManualClock.Advance(TimeSpan.FromSeconds(30));
        await app.Admin(key).GetAsync("/admin/identities");
        var second = await LastUsedAsync(key, id);
        app.ManualClock.Advance(TimeSpan.FromSeconds(31));
        await app.Admin(key).GetAsync("/admin/identities");
        var third = await LastUsedAsync(key, id);

        Assert.NotNull(first);
        Assert.Equal(first, second);
        Assert.True(DateTime.Parse(third!, System.Globalization.CultureInfo.InvariantCulture) > DateTime.Parse(first!, System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<string?> LastUsedAsync(string key, Guid id)
    {
        var list = (await (await app.Admin(key).GetAsync("/admin/api-keys")).JsonAsync()).AsArray();
        return list.Single(k => k!["id"]!.GetValue<string>() == id.ToString("D"))!["last_used_at"]?.GetValue<string>();
    }
}

public sealed class SqliteAdminKeyTests(KeyedApp app) : AdminKeyTests<KeyedApp>(app);

public sealed class PostgresAdminKeyTests(PostgresKeyedApp app) : AdminKeyTests<PostgresKeyedApp>(app);
