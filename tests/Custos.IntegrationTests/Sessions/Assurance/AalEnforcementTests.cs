using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.Sessions.Assurance;

/// <summary>
/// <c>session.whoami.required_aal: highest_available</c> on whoami and the session list, with second factors that exist
/// as real credential rows (contract §6.2, §6.3; GHSA-wc43-73w7-x2f5).
/// </summary>
public abstract class AalEnforcementTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : CustosAppFactory
{
    private const string Aal2Login = "http://localhost:4433/self-service/login/browser?aal=aal2";

    private static readonly string Aal2RequiredBody = JsonNode.Parse($$"""
        {"error":{"id":"session_aal2_required","code":403,"status":"Forbidden",
          "reason":"An active session was found but it does not fulfill the requested Authenticator Assurance Level. Please verify yourself with a second factor to resolve this issue.",
          "details":{"redirect_browser_to":"{{Aal2Login}}"},
          "message":"Session does not fulfill the requested Authenticator Assurance Level"},
         "redirect_browser_to":"{{Aal2Login}}"}
        """)!.ToJsonString();

    private static readonly AuthenticationMethod Password = new("password", "aal1", default);
    private static readonly AuthenticationMethod Totp = new("totp", "aal2", default);

    private Task<HttpResponseMessage> SendAsync(string method, string path, IssuedSession issued) =>
        app.PublicClient().SendAsync(new HttpMethod(method), path, r => r.WithToken(issued.Token));

    /// <summary>An identity with a password and a TOTP device, created through the admin API's credential import.</summary>
    private async Task<Guid> ImportIdentityWithTotpAsync()
    {
        var body = $$$$$"""
            {"schema_id":"default","traits":{"email":"{{{{{Guid.NewGuid():N}}}}}@example.com"},
             "credentials":{"password":{"config":{"password":"correct horse battery staple"}},"totp":{"config":{"totp_url":"{{{{{SessionTestExtensions.TotpUrl}}}}}"}}}}
            """;
        var response = await app.Admin().PostJsonAsync("/admin/identities", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await response.JsonAsync())["id"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task Whoami_Aal1Session_OfAnIdentityWithImportedTotp_Returns403_WithKratosBody(string method)
    {
        var issued = await app.IssueSessionAsync(await ImportIdentityWithTotpAsync(), Password);

        var response = await SendAsync(method, "/sessions/whoami", issued);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("session_aal2_required", response.Headers.GetValues("Ory-Error-Id").Single());
        Assert.Equal(Aal2RequiredBody, (await response.JsonAsync()).ToJsonString());
    }

    [SkippableFact]
    public async Task Whoami_Head_Aal1Session_OfAnIdentityWithASecondFactor_Returns403()
    {
        var issued = await app.IssueSessionAsync(await ImportIdentityWithTotpAsync(), Password);

        var response = await SendAsync("HEAD", "/sessions/whoami", issued);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [SkippableFact]
    public async Task ListMySessions_Aal1Session_OfAnIdentityWithLookupCodes_Returns403_WithKratosBody()
    {
        var identityId = await app.NewIdentityAsync();
        await app.AddCredentialAsync(identityId, "lookup_secret", """{"recovery_codes":[{"code":"a1b2c3d4e5","used_at":null}]}""");
        var issued = await app.IssueSessionAsync(identityId, Password);

        var response = await SendAsync("GET", "/sessions", issued);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(Aal2RequiredBody, (await response.JsonAsync()).ToJsonString());
    }

    [SkippableFact]
    public async Task StoredAvailableAalSaysAal1_ButATotpRowExists_Returns403()
    {
        // GHSA-wc43-73w7-x2f5: the column was written before the device was added and never recomputed.
        var identityId = await app.NewIdentityAsync();
        var issued = await app.IssueSessionAsync(identityId, Password);
        var before = await SendAsync("GET", "/sessions/whoami", issued);
        await app.AddTotpAsync(identityId);

        var whoami = await SendAsync("GET", "/sessions/whoami", issued);
        var list = await SendAsync("GET", "/sessions", issued);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, whoami.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal("aal1", await StoredAvailableAalAsync(identityId));
    }

    [SkippableFact]
    public async Task StoredAvailableAalSaysAal2_WithoutASecondFactor_LetsAal1Through()
    {
        var identityId = await app.NewIdentityAsync();
        await app.AddCredentialAsync(identityId, "totp", """{"totp_url":""}""", storedAvailableAal: "aal2");
        var issued = await app.IssueSessionAsync(identityId, Password);

        var response = await SendAsync("GET", "/sessions/whoami", issued);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [SkippableTheory]
    [InlineData("totp", """{"totp_url":""}""")]
    [InlineData("totp", """{}""")]
    [InlineData("lookup_secret", """{"recovery_codes":[]}""")]
    [InlineData("webauthn", """{"credentials":[]}""")]
    public async Task CredentialRowsWithoutAUsableSecondFactor_DoNotRequireAal2(string type, string config)
    {
        var identityId = await app.NewIdentityAsync();
        await app.AddCredentialAsync(identityId, type, config, storedAvailableAal: "aal2");
        var issued = await app.IssueSessionAsync(identityId, Password);

        var response = await SendAsync("GET", "/sessions/whoami", issued);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [SkippableFact]
    public async Task WebAuthnSecondFactorKey_RequiresAal2()
    {
        var identityId = await app.NewIdentityAsync();
        await app.AddCredentialAsync(identityId, "webauthn", """{"credentials":[{"id":"a2V5","is_passwordless":false}],"user_handle":"dXNlcg=="}""");
        var issued = await app.IssueSessionAsync(identityId, Password);

        var response = await SendAsync("GET", "/sessions/whoami", issued);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [SkippableFact]
    public async Task Aal2Session_PassesWhoamiAndTheList()
    {
        var issued = await app.IssueSessionAsync(await ImportIdentityWithTotpAsync(), Password, Totp);

        var whoami = await SendAsync("GET", "/sessions/whoami", issued);
        var list = await SendAsync("GET", "/sessions", issued);

        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        Assert.Equal("aal2", (await whoami.JsonAsync())["authenticator_assurance_level"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [SkippableFact]
    public async Task ALoneSecondFactorEntry_IsStillAal1_AndRefused()
    {
        var issued = await app.IssueSessionAsync(await ImportIdentityWithTotpAsync(), Totp);

        var response = await SendAsync("GET", "/sessions/whoami", issued);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [SkippableFact]
    public async Task EnrollingTheSecondFactorInSettings_MakesTheSameSessionAal2()
    {
        var identityId = await app.NewIdentityAsync();
        var issued = await app.IssueSessionAsync(identityId, Password);
        await app.AddTotpAsync(identityId);
        var refused = await SendAsync("GET", "/sessions/whoami", issued);
        app.ManualClock().Advance(TimeSpan.FromMinutes(3));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SessionManager>()
                .AddAuthenticationMethodsAsync(issued.Session.Id, [new AuthenticationMethod("totp", "aal2", default)], CancellationToken.None);
        }

        var response = await SendAsync("GET", "/sessions/whoami", issued);
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(issued.Session.Id.ToString(), body["id"]!.GetValue<string>());
        Assert.Equal("aal2", body["authenticator_assurance_level"]!.GetValue<string>());
        Assert.Equal(["aal1", "aal2"], body["authentication_methods"]!.AsArray().Select(m => m!["aal"]!.GetValue<string>()));
        Assert.Equal(Custos.Hosting.KratosTime.Format(issued.Session.AuthenticatedAt.AddMinutes(3)), body["authenticated_at"]!.GetValue<string>());
        Assert.Equal(body["authenticated_at"]!.GetValue<string>(), body["authentication_methods"]![1]!["completed_at"]!.GetValue<string>());
        Assert.Equal(Custos.Hosting.KratosTime.Format(issued.Session.ExpiresAt), body["expires_at"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task RevokingOtherSessions_NeedsNoSecondFactor_AsInKratos()
    {
        var identityId = await ImportIdentityWithTotpAsync();
        var current = await app.IssueSessionAsync(identityId, Password);
        var other = await app.IssueSessionAsync(identityId, Password);

        var one = await SendAsync("DELETE", $"/sessions/{other.Session.Id}", current);
        var all = await SendAsync("DELETE", "/sessions", current);

        Assert.Equal(HttpStatusCode.NoContent, one.StatusCode);
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
    }

    private async Task<string?> StoredAvailableAalAsync(Guid identityId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var identity = await scope.ServiceProvider.GetRequiredService<Custos.Identity.IIdentityPool>().GetAsync(identityId, withCredentials: false, CancellationToken.None);
        return identity!.AvailableAal;
    }
}

public sealed class SqliteAalEnforcementTests(SessionsSqliteApp app) : AalEnforcementTests<SessionsSqliteApp>(app);

public sealed class PostgresAalEnforcementTests(SessionsPostgresApp app) : AalEnforcementTests<SessionsPostgresApp>(app);
