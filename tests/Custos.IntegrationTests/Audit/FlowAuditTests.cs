using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Audit;

/// <summary>
/// The flows and the admin API leave one audit row per security event (issue 14 §2), naming the identity and the
/// session, with methods, types and reason codes in the details and nothing secret.
/// </summary>
public abstract class FlowAuditTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CustosAppFactory
{
    private const string Password = "correct horse battery staple 7";
    private const string WrongPassword = "not the password at all 7";

    [SkippableFact]
    public async Task Registration_AndLogins_AreAudited_WithTheReasonOfAFailure()
    {
        var client = new FlowClient(app, ClientKind.Api);
        var email = $"{Guid.NewGuid():N}@example.com";
        var registered = await (await client.RegisterAsync(email, Password)).JsonAsync();
        var identityId = Guid.Parse(registered["identity"]!["id"]!.GetValue<string>());
        var registrationSession = registered["session"]!["id"]!.GetValue<string>();

        var wrong = await new FlowClient(app, ClientKind.Api).LoginAsync(email.ToUpperInvariant(), WrongPassword);
        var good = await new FlowClient(app, ClientKind.Api).LoginAsync(email, Password);
        var loginSession = (await good.JsonAsync())["session"]!["id"]!.GetValue<string>();
        var rows = await app.ForIdentityAsync(identityId);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var registration = Assert.Single(rows.OfType("registration.succeeded"));
        Assert.Equal("password", registration.Details["method"]!.GetValue<string>());
        Assert.Equal(registrationSession, registration.SessionId);
        Assert.Equal("identity", registration.ActorKind);
        var failed = Assert.Single(rows.OfType("login.failed"));
        Assert.Equal("invalid_credentials", failed.Details["reason"]!.GetValue<string>());
        Assert.Equal(4000006, failed.Details["message_id"]!.GetValue<long>());
        Assert.Equal("password", failed.Details["method"]!.GetValue<string>());
        Assert.Null(failed.SessionId);
        var login = Assert.Single(rows.OfType("login.succeeded"));
        Assert.Equal(loginSession, login.SessionId);
        Assert.Equal("aal1", login.Details["aal"]!.GetValue<string>());
        Assert.Equal("password", login.Details["method"]!.GetValue<string>());
        Assert.All(rows, r => Assert.DoesNotContain(Password, r.Raw, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.DoesNotContain(WrongPassword, r.Raw, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.DoesNotContain(email, r.Raw, StringComparison.OrdinalIgnoreCase));
    }

    [SkippableFact]
    public async Task ALoginWithAnUnknownIdentifier_IsAuditedWithoutAnIdentity_AndWithoutTheIdentifier()
    {
        var unknown = $"{Guid.NewGuid():N}@example.com";

        var response = await new FlowClient(app, ClientKind.Api).LoginAsync(unknown, WrongPassword);
        var failures = await app.OfTypeAsync("login.failed");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(failures, r => r.IdentityId is null && r.Details["reason"]?.GetValue<string>() == "invalid_credentials" && r.ActorKind == "system");
        Assert.All(failures, r => Assert.DoesNotContain(unknown, r.Raw, StringComparison.OrdinalIgnoreCase));
    }

    [SkippableFact]
    public async Task SettingsChanges_AreAuditedByMethod_AndANewPasswordIsACredentialAdded()
    {
        var client = new FlowClient(app, ClientKind.Api);
        var email = $"{Guid.NewGuid():N}@example.com";
        var identityId = Guid.Parse((await (await client.RegisterAsync(email, Password)).JsonAsync())["identity"]!["id"]!.GetValue<string>());
        var newPassword = $"{Guid.NewGuid():N} the new one";

        var profile = await client.SubmitAsync(await client.InitAsync("settings"), new() { ["method"] = "profile", ["traits.email"] = "x" + email });
        var password = await client.SubmitAsync(await client.InitAsync("settings"), new() { ["method"] = "password", ["password"] = newPassword });
        var rows = await app.ForIdentityAsync(identityId);

        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Equal(HttpStatusCode.OK, password.StatusCode);
        Assert.Equal(["profile", "password"], rows.OfType("settings.updated").Select(r => r.Details["method"]!.GetValue<string>()));
        var added = Assert.Single(rows.OfType("credential.added"));
        Assert.Equal("password", added.Details["type"]!.GetValue<string>());
        Assert.Empty(rows.OfType("credential.removed"));
        Assert.All(rows, r => Assert.DoesNotContain(newPassword, r.Raw, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Logout_AndRevokingOtherSessions_AreAudited()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var first = new FlowClient(app, ClientKind.Api);
        var identityId = Guid.Parse((await (await first.RegisterAsync(email, Password)).JsonAsync())["identity"]!["id"]!.GetValue<string>());
        var second = new FlowClient(app, ClientKind.Api);
        await second.LoginAsync(email, Password);
        var third = new FlowClient(app, ClientKind.Api);
        await third.LoginAsync(email, Password);
        var thirdSession = (await (await third.WhoamiAsync()).JsonAsync())["id"]!.GetValue<string>();

        var logout = await third.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/self-service/logout/api")
        {
            Content = JsonContent($$"""{"session_token":"{{third.SessionToken}}"}"""),
        });
        var others = new HttpRequestMessage(HttpMethod.Delete, "/sessions");
        first.Authorize(others);
        var revokedOthers = await first.Http.SendAsync(others);
        var revoked = (await app.ForIdentityAsync(identityId)).OfType("session.revoked");

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revokedOthers.StatusCode);
        Assert.Equal(2, revoked.Count);
        Assert.Equal(thirdSession, revoked[0].SessionId);
        Assert.Equal("logout", revoked[0].Details["reason"]!.GetValue<string>());
        Assert.Equal("self_service", revoked[1].Details["reason"]!.GetValue<string>());
        Assert.Equal(1, revoked[1].Details["count"]!.GetValue<int>());
        Assert.All(revoked, r => Assert.DoesNotContain(third.SessionToken!, r.Raw, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task AdminIdentityWrites_AreAudited_WithChangedFieldNamesOnly()
    {
        var admin = app.Admin();
        var email = $"{Guid.NewGuid():N}@example.com";
        var created = await admin.CreateIdentityAsync(email, Password);
        var id = created["id"]!.GetValue<string>();

        var put = await admin.SendJsonAsync(HttpMethod.Put, $"/admin/identities/{id}",
            $$$"""{"schema_id":"default","traits":{"email":"{{{email}}}"},"state":"inactive","metadata_public":{"plan":"gold"}}""");
        var patch = await admin.SendJsonAsync(HttpMethod.Patch, $"/admin/identities/{id}",
            """[{"op":"add","path":"/credentials/lookup_secret","value":{"type":"lookup_secret","config":{"lookup_secret_codes":[{"code":"abcd1234"}]}}}]""");
        var removeCredential = await admin.DeleteAsync($"/admin/identities/{id}/credentials/lookup_secret");
        var delete = await admin.DeleteAsync($"/admin/identities/{id}");
        var rows = await app.ForIdentityAsync(Guid.Parse(id));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removeCredential.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(["identity.created", "identity.updated", "identity.updated", "credential.removed", "identity.deleted"], rows.Select(r => r.Type));
        Assert.All(rows, r => Assert.Equal("system", r.ActorKind));
        Assert.Equal(["state", "metadata_public"], rows[1].Details["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("""{"from":"active","to":"inactive"}""", rows[1].Details["state"]!.ToJsonString());
        Assert.Equal(["credentials"], rows[2].Details["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("lookup_secret", rows[3].Details["type"]!.GetValue<string>());
        Assert.All(rows, r => Assert.DoesNotContain(email, r.Raw, StringComparison.OrdinalIgnoreCase));
        Assert.All(rows, r => Assert.DoesNotContain("abcd1234", r.Raw, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.DoesNotContain(Password, r.Raw, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task ARefusedAdminWrite_LeavesNoEvent()
    {
        var admin = app.Admin();
        var email = $"{Guid.NewGuid():N}@example.com";
        var id = (await admin.CreateIdentityAsync(email))["id"]!.GetValue<string>();
        var other = $"{Guid.NewGuid():N}@example.com";
        await admin.CreateIdentityAsync(other, Password);

        // The second identity's e-mail is taken: 409, and the update it would have been is not in the log.
        var conflict = await admin.SendJsonAsync(HttpMethod.Put, $"/admin/identities/{id}",
            $$$$$"""{"schema_id":"default","traits":{"email":"{{{{{other}}}}}"},"credentials":{"password":{"config":{"password":"{{{{{Password}}}}}"}}}}""");
        var rows = await app.ForIdentityAsync(Guid.Parse(id));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(["identity.created"], rows.Select(r => r.Type));
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}

public sealed class SqliteFlowAuditTests(CustosAppFactory app) : FlowAuditTests<CustosAppFactory>(app);

public sealed class PostgresFlowAuditTests(PostgresAppFactory app) : FlowAuditTests<PostgresAppFactory>(app);
