using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.Persistence;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.Admin;

/// <summary><c>POST /admin/identities/{id}/impersonate</c>: a marked, short, audited session that may not change credentials.</summary>
public abstract class ImpersonationTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : KeyedApp
{
    private const string Password = "a-long-secret-passphrase-17";

    private async Task<(FlowClient Person, Guid IdentityId, string Email)> PersonAsync()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var person = new FlowClient(app, ClientKind.Api);
        var registered = await person.RegisterAsync(email, Password);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var whoami = await (await person.WhoamiAsync()).JsonAsync();
        return (person, Guid.Parse(whoami["identity"]!["id"]!.GetValue<string>()), email);
    }

    private async Task<(JsonObject Body, Guid KeyId, HttpStatusCode Status)> ImpersonateAsync(Guid identityId, string json)
    {
        var (keyId, key) = await app.CreateKeyAsync(["impersonate"]);
        var response = await app.Admin(key).PostJsonAsync($"/admin/identities/{identityId}/impersonate", json);
        return ((await response.JsonAsync()).AsObject(), keyId, response.StatusCode);
    }

    private FlowClient As(string token) => new(app, ClientKind.Api) { SessionToken = token };

    [SkippableFact]
    public async Task Start_ReturnsAMarkedShortAal1Session()
    {
        var (_, identityId, _) = await PersonAsync();

        var (body, keyId, status) = await ImpersonateAsync(identityId, """{"reason":"ticket 4711: cannot save profile","ttl":"10m"}""");
        var session = body["session"]!;
        var whoami = await (await As(body["session_token"]!.GetValue<string>()).WhoamiAsync()).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.StartsWith("ory_st_", body["session_token"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(session["active"]!.GetValue<bool>());
        Assert.Equal("aal1", session["authenticator_assurance_level"]!.GetValue<string>());
        Assert.Equal("impersonation", session["authentication_methods"]![0]!["method"]!.GetValue<string>());
        Assert.Equal(identityId.ToString("D"), session["identity"]!["id"]!.GetValue<string>());
        Assert.Equal(keyId.ToString("D"), session["impersonator"]!["key_id"]!.GetValue<string>());
        Assert.StartsWith("test-", session["impersonator"]!["key_name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ticket 4711: cannot save profile", session["impersonator"]!["reason"]!.GetValue<string>());
        var lifetime = DateTime.Parse(session["expires_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime()
            - DateTime.Parse(session["authenticated_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();
        Assert.Equal(TimeSpan.FromMinutes(10), lifetime);
        Assert.Equal(session["id"]!.GetValue<string>(), whoami["id"]!.GetValue<string>());
        Assert.Equal(keyId.ToString("D"), whoami["impersonator"]!["key_id"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Start_IsAudited_WithTheKeyAsActor_AndNoToken()
    {
        var (_, identityId, _) = await PersonAsync();

        var (body, keyId, _) = await ImpersonateAsync(identityId, """{"reason":"audit me"}""");
        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        var rows = (await connection.QueryAsync<(string ActorKind, string ActorId, string Details, string SessionId)>(
            "SELECT actor_kind, CAST(actor_id AS TEXT), details, CAST(session_id AS TEXT) FROM audit_events WHERE type = 'impersonation.started' AND identity_id = @id",
            new { id = identityId })).ToList();

        var row = Assert.Single(rows);
        var details = JsonNode.Parse(row.Details)!;
        Assert.Equal("admin_key", row.ActorKind);
        Assert.Equal(keyId, Guid.Parse(row.ActorId));
        Assert.Equal("audit me", details["reason"]!.GetValue<string>());
        Assert.Equal("15m", details["ttl"]!.GetValue<string>());
        Assert.Equal(body["session"]!["id"]!.GetValue<string>(), details["session_id"]!.GetValue<string>());
        Assert.Equal(body["session"]!["id"]!.GetValue<string>(), Guid.Parse(row.SessionId).ToString("D"));
        Assert.DoesNotContain(body["session_token"]!.GetValue<string>(), row.Details, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Session_IsListedInThePersonsOwnSessions()
    {
        var (person, identityId, _) = await PersonAsync();
        var (body, _, _) = await ImpersonateAsync(identityId, """{"reason":"listing"}""");
        var (_, root) = await app.CreateKeyAsync(["sessions:read"]);

        var mine = await person.Http.SendAsync(WithToken(new HttpRequestMessage(HttpMethod.Get, "/sessions"), person.SessionToken!));
        var admin = await app.Admin(root).GetAsync($"/admin/identities/{identityId}/sessions");
        var id = body["session"]!["id"]!.GetValue<string>();

        var listed = (await mine.JsonAsync()).AsArray().Single(s => s!["id"]!.GetValue<string>() == id)!;
        Assert.Equal("listing", listed["impersonator"]!["reason"]!.GetValue<string>());
        Assert.Contains((await admin.JsonAsync()).AsArray(), s => s!["id"]!.GetValue<string>() == id && s["impersonator"] is not null);
    }

    [SkippableTheory]
    [InlineData("""{}""", "reason")]
    [InlineData("""{"reason":"   "}""", "reason")]
    [InlineData("""{"reason":"x","ttl":"2h"}""", "ttl")]
    [InlineData("""{"reason":"x","ttl":"1h1s"}""", "ttl")]
    [InlineData("""{"reason":"x","ttl":"later"}""", "ttl")]
    [InlineData("""{"reason":"x","ttl":"-5m"}""", "ttl")]
    [InlineData("""{"reason":1}""", "reason")]
    public async Task Start_BadInput_Is400(string json, string named)
    {
        var (_, identityId, _) = await PersonAsync();

        var (body, _, status) = await ImpersonateAsync(identityId, json);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(named, body["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("00000000-0000-4000-8000-000000000999")]
    [InlineData("not-a-uuid")]
    public async Task Start_UnknownIdentity_Is404(string id)
    {
        var (_, key) = await app.CreateKeyAsync(["impersonate"]);

        var response = await app.Admin(key).PostJsonAsync($"/admin/identities/{id}/impersonate", """{"reason":"x"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull((await response.JsonAsync())["error"]);
    }

    [SkippableFact]
    public async Task Settings_ProfileTraits_Allowed()
    {
        var (_, identityId, email) = await PersonAsync();
        var (body, keyId, _) = await ImpersonateAsync(identityId, """{"reason":"fix name"}""");
        var impersonated = As(body["session_token"]!.GetValue<string>());
        var flow = await impersonated.InitAsync("settings");

        var response = await impersonated.SubmitAsync(flow, new() { ["method"] = "profile", ["traits.email"] = email, ["traits.name.first"] = "Grace" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Grace", (await response.JsonAsync())["identity"]!["traits"]!["name"]!["first"]!.GetValue<string>());

        // The change is audited as the impersonator's: the key is the actor and the reason is in the details.
        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        var row = Assert.Single(await connection.QueryAsync<(string ActorKind, string ActorId, string Details)>(
            "SELECT actor_kind, CAST(actor_id AS TEXT), details FROM audit_events WHERE type = 'settings.updated' AND identity_id = @id",
            new { id = identityId }));
        Assert.Equal("admin_key", row.ActorKind);
        Assert.Equal(keyId, Guid.Parse(row.ActorId));
        Assert.Equal("fix name", JsonNode.Parse(row.Details)!["impersonator"]!["reason"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData("password", "password", "a-brand-new-passphrase-99")]
    [InlineData("totp", "totp_code", "123456")]
    [InlineData("lookup_secret", "lookup_secret_regenerate", "true")]
    [InlineData("profile", "traits.email", "moved@example.com")]
    public async Task Settings_CredentialsAndRecoveryAddresses_Are403(string method, string field, string value)
    {
        var (person, identityId, email) = await PersonAsync();
        var (body, _, _) = await ImpersonateAsync(identityId, """{"reason":"limits"}""");
        var impersonated = As(body["session_token"]!.GetValue<string>());
        var flow = await impersonated.InitAsync("settings");

        var response = await impersonated.SubmitAsync(flow, new() { ["method"] = method, [field] = value, ["traits.email"] = field == "traits.email" ? value : email });
        var whoami = await (await person.WhoamiAsync()).JsonAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(403, (await response.JsonAsync())["error"]!["code"]!.GetValue<int>());
        Assert.Equal(email, whoami["identity"]!["traits"]!["email"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await new FlowClient(app, ClientKind.Api).LoginAsync(email, Password)).StatusCode);
    }

    private static HttpRequestMessage WithToken(HttpRequestMessage request, string token)
    {
        request.Headers.Add("X-Session-Token", token);
        return request;
    }
}

public sealed class SqliteImpersonationTests(KeyedApp app) : ImpersonationTests<KeyedApp>(app);

public sealed class PostgresImpersonationTests(PostgresKeyedApp app) : ImpersonationTests<PostgresKeyedApp>(app);
