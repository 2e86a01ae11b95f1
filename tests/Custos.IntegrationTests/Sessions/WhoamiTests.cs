using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.Sessions;

namespace Custos.IntegrationTests.Sessions;

public abstract class WhoamiTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : CustosAppFactory
{
    private const string Unauthorized401 =
        """{"error":{"code":401,"status":"Unauthorized","reason":"No valid session credentials found in the request.","message":"The request could not be authorized"}}""";

    private Task<HttpResponseMessage> WhoamiAsync(Func<HttpRequestMessage, HttpRequestMessage> with) =>
        app.PublicClient().SendAsync(HttpMethod.Get, "/sessions/whoami", with);

    [SkippableFact]
    public async Task SessionTokenHeader_ReturnsTheSession()
    {
        var issued = await app.NewSessionAsync();

        var response = await WhoamiAsync(r => r.WithToken(issued.Token));
        var body = (await response.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["id", "active", "expires_at", "authenticated_at", "authenticator_assurance_level", "authentication_methods", "issued_at", "identity", "devices"],
            body.Select(p => p.Key).ToArray());
        Assert.Equal(issued.Session.Id.ToString(), body["id"]!.GetValue<string>());
        Assert.True(body["active"]!.GetValue<bool>());
        Assert.Equal("aal1", body["authenticator_assurance_level"]!.GetValue<string>());
        Assert.Equal("password", body["authentication_methods"]![0]!["method"]!.GetValue<string>());
        Assert.Equal(issued.Session.IdentityId.ToString(), body["identity"]!["id"]!.GetValue<string>());
        Assert.False(body["identity"]!.AsObject().ContainsKey("metadata_admin"));
        Assert.False(body["identity"]!.AsObject().ContainsKey("credentials"));
        Assert.Single(body["identity"]!["verifiable_addresses"]!.AsArray());
        Assert.Single(body["identity"]!["recovery_addresses"]!.AsArray());
        Assert.Equal("custos-tests/1.0", body["devices"]![0]!["user_agent"]!.GetValue<string>());
        Assert.Equal("203.0.113.77", body["devices"]![0]!["ip_address"]!.GetValue<string>());
        Assert.Equal(issued.Session.IdentityId.ToString(), response.Headers.GetValues("X-Kratos-Authenticated-Identity-Id").Single());
        Assert.DoesNotContain(issued.Token, body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(issued.LogoutToken, body.ToJsonString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task BearerToken_ReturnsTheSession()
    {
        var issued = await app.NewSessionAsync();

        var response = await WhoamiAsync(r => r.WithBearer(issued.Token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(issued.Session.Id.ToString(), (await response.JsonAsync())["id"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Cookie_ReturnsTheSession_WithoutReissuingIt()
    {
        var issued = await app.NewSessionAsync();

        var response = await WhoamiAsync(r => r.WithCookie(app.CookieFor(issued)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(issued.Session.Id.ToString(), (await response.JsonAsync())["id"]!.GetValue<string>());
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [SkippableFact]
    public async Task NoCredentials_Returns401_WithKratosBody()
    {
        var response = await WhoamiAsync(r => r);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(Unauthorized401, (await response.JsonAsync()).ToJsonString());
        Assert.Equal("", response.Headers.GetValues("Ory-Error-Id").Single());
    }

    [SkippableFact]
    public async Task UnknownToken_Returns401()
    {
        var response = await WhoamiAsync(r => r.WithToken(SessionTokens.NewSessionToken()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(Unauthorized401, (await response.JsonAsync()).ToJsonString());
    }

    [SkippableFact]
    public async Task RevokedSession_Returns401()
    {
        var issued = await app.NewSessionAsync();

        await app.RevokeAsync(issued.Session.Id);
        var response = await WhoamiAsync(r => r.WithToken(issued.Token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [SkippableFact]
    public async Task ExpiredSession_Returns401()
    {
        var issued = await app.NewSessionAsync();

        app.ManualClock().Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        var response = await WhoamiAsync(r => r.WithToken(issued.Token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [SkippableFact]
    public async Task InactiveIdentity_Returns401()
    {
        var issued = await app.NewSessionAsync();
        var patch = await app.Admin().SendJsonAsync(HttpMethod.Patch, $"/admin/identities/{issued.Session.IdentityId}", """[{"op":"replace","path":"/state","value":"inactive"}]""");
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);

        var response = await WhoamiAsync(r => r.WithToken(issued.Token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [SkippableFact]
    public async Task TamperedCookie_Returns401()
    {
        var cookie = app.CookieFor(await app.NewSessionAsync());
        var tampered = cookie[..^2] + (cookie[^2] == 'A' ? "B" : "A") + cookie[^1];

        var response = await WhoamiAsync(r => r.WithCookie(tampered));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [SkippableFact]
    public async Task HeaderComesFirst_AnUnknownHeaderDoesNotFallBackToTheCookie()
    {
        var cookie = app.CookieFor(await app.NewSessionAsync());

        var response = await WhoamiAsync(r => r.WithToken(SessionTokens.NewSessionToken()).WithCookie(cookie));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [SkippableFact]
    public async Task CookieComesBeforeBearer()
    {
        var cookieSession = await app.NewSessionAsync();
        var bearerSession = await app.NewSessionAsync();

        var response = await WhoamiAsync(r => r.WithCookie(app.CookieFor(cookieSession)).WithBearer(bearerSession.Token));

        Assert.Equal(cookieSession.Session.Id.ToString(), (await response.JsonAsync())["id"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData("HEAD")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task OtherMethods_AreAnsweredAsWhoami(string method)
    {
        var issued = await app.NewSessionAsync();

        var response = await app.PublicClient().SendAsync(new HttpMethod(method), "/sessions/whoami", r => r.WithToken(issued.Token));
        var anonymous = await app.PublicClient().SendAsync(new HttpMethod(method), "/sessions/whoami", r => r);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(issued.Session.IdentityId.ToString(), response.Headers.GetValues("X-Kratos-Authenticated-Identity-Id").Single());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [SkippableFact]
    public async Task Aal1Session_OfAnIdentityWithASecondFactor_Returns403()
    {
        var identityId = await app.NewIdentityAsync();
        await app.AddTotpAsync(identityId);
        var issued = await app.IssueSessionAsync(identityId);

        var response = await WhoamiAsync(r => r.WithToken(issued.Token));
        var body = (await response.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("session_aal2_required", response.Headers.GetValues("Ory-Error-Id").Single());
        var expected = JsonNode.Parse("""
            {"error":{"id":"session_aal2_required","code":403,"status":"Forbidden",
              "reason":"An active session was found but it does not fulfill the requested Authenticator Assurance Level. Please verify yourself with a second factor to resolve this issue.",
              "details":{"redirect_browser_to":"http://localhost:4433/self-service/login/browser?aal=aal2"},
              "message":"Session does not fulfill the requested Authenticator Assurance Level"},
             "redirect_browser_to":"http://localhost:4433/self-service/login/browser?aal=aal2"}
            """)!;
        Assert.Equal(expected.ToJsonString(), body.ToJsonString());
    }

    [SkippableFact]
    public async Task Aal2Session_OfAnIdentityWithASecondFactor_Returns200()
    {
        var identityId = await app.NewIdentityAsync();
        await app.AddTotpAsync(identityId);
        var issued = await app.IssueSessionAsync(identityId, new AuthenticationMethod("password", "aal1", default), new AuthenticationMethod("totp", "aal2", DateTime.UtcNow));

        var response = await WhoamiAsync(r => r.WithToken(issued.Token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("aal2", (await response.JsonAsync())["authenticator_assurance_level"]!.GetValue<string>());
    }
}

public sealed class SqliteWhoamiTests(SessionsSqliteApp app) : WhoamiTests<SessionsSqliteApp>(app);

public sealed class PostgresWhoamiTests(SessionsPostgresApp app) : WhoamiTests<SessionsPostgresApp>(app);
