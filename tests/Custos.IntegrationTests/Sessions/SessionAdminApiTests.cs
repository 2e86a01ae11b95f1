using System.Net;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Sessions;

public abstract partial class SessionAdminApiTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : CustosAppFactory
{
    [SkippableFact]
    public async Task Get_WithoutExpand_HasNullIdentityAndDevices()
    {
        var issued = await app.NewSessionAsync();

        var response = await app.Admin().GetAsync($"/admin/sessions/{issued.Session.Id}");
        var body = (await response.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(issued.Session.Id.ToString(), body["id"]!.GetValue<string>());
        Assert.True(body["active"]!.GetValue<bool>());
        Assert.True(body.ContainsKey("identity"));
        Assert.Null(body["identity"]);
        Assert.Null(body["devices"]);
    }

    [SkippableFact]
    public async Task Get_ExpandIdentityAndDevices_IncludesAdminMetadataButNoCredentials()
    {
        var issued = await app.NewSessionAsync();

        var response = await app.Admin().GetAsync($"/admin/sessions/{issued.Session.Id}?expand=Identity&expand=devices");
        var body = (await response.JsonAsync()).AsObject();

        Assert.Equal(issued.Session.IdentityId.ToString(), body["identity"]!["id"]!.GetValue<string>());
        Assert.True(body["identity"]!.AsObject().ContainsKey("metadata_admin"));
        Assert.False(body["identity"]!.AsObject().ContainsKey("credentials"));
        Assert.Single(body["devices"]!.AsArray());
    }

    [SkippableTheory]
    [InlineData("/admin/sessions/not-a-uuid", HttpStatusCode.BadRequest)]
    [InlineData("/admin/sessions/00000000-0000-4000-8000-000000000000", HttpStatusCode.NotFound)]
    [InlineData("/admin/sessions/00000000-0000-4000-8000-000000000000?expand=bogus", HttpStatusCode.BadRequest)]
    public async Task Get_BadOrUnknownId(string url, HttpStatusCode expected)
    {
        var response = await app.Admin().GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        Assert.True((await response.JsonAsync())["error"] is not null);
    }

    [SkippableFact]
    public async Task Get_Whoami_RedirectsToThePublicWhoami()
    {
        var response = await app.Admin().GetAsync("/admin/sessions/whoami");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("http://localhost:4433/sessions/whoami", response.Headers.Location?.ToString());
    }

    [SkippableFact]
    public async Task DeleteAllOnAdmin_RedirectsToThePublicEndpoint()
    {
        var response = await app.Admin().DeleteAsync("/admin/sessions");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("http://localhost:4433/sessions", response.Headers.Location?.ToString());
    }

    [SkippableFact]
    public async Task AdminRoutes_OnThePublicPort_RedirectToTheAdminPort()
    {
        var response = await app.Public().GetAsync($"/admin/sessions/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.StartsWith("http://localhost:4434/admin/sessions/", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Disable_RevokesButKeepsTheSession()
    {
        var issued = await app.NewSessionAsync();
        var admin = app.Admin();

        var response = await admin.DeleteAsync($"/admin/sessions/{issued.Session.Id}");
        var after = await (await admin.GetAsync($"/admin/sessions/{issued.Session.Id}")).JsonAsync();
        var whoami = await app.PublicClient().SendAsync(HttpMethod.Get, "/sessions/whoami", r => r.WithToken(issued.Token));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(after["active"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, whoami.StatusCode);
    }

    [SkippableTheory]
    [InlineData("not-a-uuid", HttpStatusCode.BadRequest)]
    [InlineData("00000000-0000-4000-8000-000000000000", HttpStatusCode.NotFound)]
    public async Task Disable_BadOrUnknownId(string id, HttpStatusCode expected)
    {
        var response = await app.Admin().DeleteAsync($"/admin/sessions/{id}");

        Assert.Equal(expected, response.StatusCode);
    }

    [SkippableFact]
    public async Task Extend_MovesExpiry_AndReturnsTheSessionWithIdentity()
    {
        var issued = await app.NewSessionAsync();
        app.ManualClock().Advance(TimeSpan.FromHours(1));
        var expected = Custos.Hosting.KratosTime.Format(Custos.Hosting.Clock.Now(app.Clock!).AddHours(24));

        var response = await app.Admin().PatchAsync($"/admin/sessions/{issued.Session.Id}/extend", null);
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, body["expires_at"]!.GetValue<string>());
        Assert.Equal(issued.Session.IdentityId.ToString(), body["identity"]!["id"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData("not-a-uuid", HttpStatusCode.BadRequest)]
    [InlineData("00000000-0000-4000-8000-000000000000", HttpStatusCode.NotFound)]
    public async Task Extend_BadOrUnknownId(string id, HttpStatusCode expected)
    {
        var response = await app.Admin().PatchAsync($"/admin/sessions/{id}/extend", null);

        Assert.Equal(expected, response.StatusCode);
    }

    [SkippableFact]
    public async Task Whoami_ReissuesTheCookie_OnlyAfterAnExtension()
    {
        var issued = await app.NewSessionAsync();
        var cookie = app.CookieFor(issued);
        var client = app.PublicClient();
        var before = await client.SendAsync(HttpMethod.Get, "/sessions/whoami", r => r.WithCookie(cookie));
        app.ManualClock().Advance(TimeSpan.FromHours(1));
        await app.Admin().PatchAsync($"/admin/sessions/{issued.Session.Id}/extend", null);

        var after = await client.SendAsync(HttpMethod.Get, "/sessions/whoami", r => r.WithCookie(cookie));

        Assert.False(before.Headers.Contains("Set-Cookie"));
        var setCookie = after.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith("ory_kratos_session=", setCookie, StringComparison.Ordinal);
        Assert.Contains("max-age=86400", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        var reissued = await client.SendAsync(HttpMethod.Get, "/sessions/whoami", r => r.WithCookie(setCookie.Split(';')[0]));
        Assert.Equal(HttpStatusCode.OK, reissued.StatusCode);
        Assert.False(reissued.Headers.Contains("Set-Cookie"));
    }
}

public sealed class SqliteSessionAdminApiTests(SessionsSqliteApp app) : SessionAdminApiTests<SessionsSqliteApp>(app);

public sealed class PostgresSessionAdminApiTests(SessionsPostgresApp app) : SessionAdminApiTests<SessionsPostgresApp>(app);
