using System.Net;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Sessions;

public abstract class MySessionsTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : CustosAppFactory
{
    [SkippableFact]
    public async Task List_ReturnsOtherActiveSessions_NewestFirst_WithoutTheCurrentOne()
    {
        var identityId = await app.NewIdentityAsync();
        var current = await app.IssueSessionAsync(identityId);
        var older = await app.IssueSessionAsync(identityId);
        app.ManualClock().Advance(TimeSpan.FromSeconds(1));
        var newer = await app.IssueSessionAsync(identityId);
        var revoked = await app.IssueSessionAsync(identityId);
        await app.RevokeAsync(revoked.Session.Id);
        await app.NewSessionAsync();

        var response = await app.PublicClient().SendAsync(HttpMethod.Get, "/sessions", r => r.WithToken(current.Token));
        var body = (await response.JsonAsync()).AsArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([newer.Session.Id.ToString(), older.Session.Id.ToString()], body.Select(s => s!["id"]!.GetValue<string>()));
        Assert.Equal("2", response.Headers.GetValues("X-Total-Count").Single());
        Assert.Contains("rel=\"first\"", response.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
        Assert.All(body, s => Assert.Equal(identityId.ToString(), s!["identity"]!["id"]!.GetValue<string>()));
        Assert.All(body, s => Assert.Single(s!["devices"]!.AsArray()));
    }

    [SkippableFact]
    public async Task List_PaginatesWithPageAndPerPage()
    {
        var identityId = await app.NewIdentityAsync();
        var current = await app.IssueSessionAsync(identityId);
        for (var i = 0; i < 3; i++)
        {
            await app.IssueSessionAsync(identityId);
        }

        var response = await app.PublicClient().SendAsync(HttpMethod.Get, "/sessions?page=1&per_page=2", r => r.WithToken(current.Token));

        Assert.Single((await response.JsonAsync()).AsArray());
        Assert.Equal("3", response.Headers.GetValues("X-Total-Count").Single());
        Assert.Contains("rel=\"prev\"", response.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task List_WithoutSession_Returns401()
    {
        var response = await app.PublicClient().GetAsync("/sessions");
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("No valid session cookie found.", body["error"]!["reason"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task DisableOthers_RevokesEveryOtherSession_AndCountsThem()
    {
        var identityId = await app.NewIdentityAsync();
        var current = await app.IssueSessionAsync(identityId);
        var other1 = await app.IssueSessionAsync(identityId);
        var other2 = await app.IssueSessionAsync(identityId);
        var stranger = await app.NewSessionAsync();
        var client = app.PublicClient();

        var response = await client.SendAsync(HttpMethod.Delete, "/sessions", r => r.WithToken(current.Token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"count":2}""", (await response.JsonAsync()).ToJsonString());
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, "/sessions/whoami", r => r.WithToken(current.Token))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(HttpMethod.Get, "/sessions/whoami", r => r.WithToken(other1.Token))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(HttpMethod.Get, "/sessions/whoami", r => r.WithToken(other2.Token))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, "/sessions/whoami", r => r.WithToken(stranger.Token))).StatusCode);
    }

    [SkippableFact]
    public async Task DisableOthers_WithoutSession_Returns401()
    {
        var response = await app.PublicClient().DeleteAsync("/sessions");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [SkippableFact]
    public async Task DisableOne_RevokesOwnSession()
    {
        var identityId = await app.NewIdentityAsync();
        var current = await app.IssueSessionAsync(identityId);
        var other = await app.IssueSessionAsync(identityId);
        var client = app.PublicClient();

        var response = await client.SendAsync(HttpMethod.Delete, $"/sessions/{other.Session.Id}", r => r.WithToken(current.Token));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(HttpMethod.Get, "/sessions/whoami", r => r.WithToken(other.Token))).StatusCode);
    }

    [SkippableFact]
    public async Task DisableOne_CurrentSession_Returns400()
    {
        var current = await app.NewSessionAsync();

        var response = await app.PublicClient().SendAsync(HttpMethod.Delete, $"/sessions/{current.Session.Id}", r => r.WithToken(current.Token));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("cannot revoke current session", (await response.JsonAsync())["error"]!["reason"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task DisableOne_BadUuid_Returns400()
    {
        var current = await app.NewSessionAsync();

        var response = await app.PublicClient().SendAsync(HttpMethod.Delete, "/sessions/not-a-uuid", r => r.WithToken(current.Token));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [SkippableFact]
    public async Task DisableOne_ForeignOrUnknown_IsASilentNoOp()
    {
        var current = await app.NewSessionAsync();
        var stranger = await app.NewSessionAsync();
        var client = app.PublicClient();

        var foreign = await client.SendAsync(HttpMethod.Delete, $"/sessions/{stranger.Session.Id}", r => r.WithToken(current.Token));
        var unknown = await client.SendAsync(HttpMethod.Delete, $"/sessions/{Guid.NewGuid()}", r => r.WithToken(current.Token));

        Assert.Equal(HttpStatusCode.NoContent, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, "/sessions/whoami", r => r.WithToken(stranger.Token))).StatusCode);
    }

    [SkippableFact]
    public async Task DisableOne_WithoutSession_Returns401()
    {
        var response = await app.PublicClient().DeleteAsync($"/sessions/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class SqliteMySessionsTests(SessionsSqliteApp app) : MySessionsTests<SessionsSqliteApp>(app);

public sealed class PostgresMySessionsTests(SessionsPostgresApp app) : MySessionsTests<SessionsPostgresApp>(app);
