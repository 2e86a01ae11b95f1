using System.Net;
using Custos.IntegrationTests.Infrastructure;
using Custos.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.Sessions;

/// <summary>The parts of <see cref="SessionManager"/> the flow engine calls that no endpoint exercises yet.</summary>
public abstract class SessionManagerTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : CustosAppFactory
{
    private async Task<T> WithManagerAsync<T>(Func<SessionManager, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SessionManager>());
    }

    [SkippableFact]
    public async Task Reauthenticate_StepsUpTheSameSession_AndKeepsItsToken()
    {
        var identityId = await app.NewIdentityAsync();
        await app.AddTotpAsync(identityId);
        var issued = await app.IssueSessionAsync(identityId);
        var client = app.PublicClient();
        var before = await client.SendAsync(HttpMethod.Get, "/sessions/whoami", r => r.WithToken(issued.Token));
        app.ManualClock().Advance(TimeSpan.FromMinutes(10));

        await WithManagerAsync(async m =>
        {
            var session = (await m.FindByTokenAsync(issued.Token, CancellationToken.None))!;
            await m.ReauthenticateAsync(session, new AuthenticationMethod("totp", "", default), ClientDevice.From(new DefaultHttpContext()), CancellationToken.None);
            return true;
        });
        var after = await client.SendAsync(HttpMethod.Get, "/sessions/whoami", r => r.WithToken(issued.Token));
        var body = await after.JsonAsync();

        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(issued.Session.Id.ToString(), body["id"]!.GetValue<string>());
        Assert.Equal("aal2", body["authenticator_assurance_level"]!.GetValue<string>());
        Assert.Equal(["password", "totp"], body["authentication_methods"]!.AsArray().Select(m => m!["method"]!.GetValue<string>()));
        Assert.Equal("aal2", body["authentication_methods"]![1]!["aal"]!.GetValue<string>());
        Assert.Equal(Custos.Hosting.KratosTime.Format(issued.Session.AuthenticatedAt.AddMinutes(10)), body["authenticated_at"]!.GetValue<string>());
        Assert.Equal(Custos.Hosting.KratosTime.Format(issued.Session.IssuedAt), body["issued_at"]!.GetValue<string>());
        Assert.Equal(2, body["devices"]!.AsArray().Count);
    }

    [SkippableFact]
    public async Task FindByLogoutToken_FindsTheSession_ButNotBySessionToken()
    {
        var issued = await app.NewSessionAsync();

        var byLogout = await WithManagerAsync(m => m.FindByLogoutTokenAsync(issued.LogoutToken, CancellationToken.None));
        var bySessionToken = await WithManagerAsync(m => m.FindByLogoutTokenAsync(issued.Token, CancellationToken.None));
        var empty = await WithManagerAsync(m => m.FindByLogoutTokenAsync("", CancellationToken.None));

        Assert.Equal(issued.Session.Id, byLogout?.Id);
        Assert.Null(bySessionToken);
        Assert.Null(empty);
    }

    [SkippableFact]
    public async Task FindByToken_ReturnsRevokedSessionsToo()
    {
        var issued = await app.NewSessionAsync();
        await app.RevokeAsync(issued.Session.Id);

        var found = await WithManagerAsync(m => m.FindByTokenAsync(issued.Token, CancellationToken.None));

        Assert.False(found!.Active);
    }

    [SkippableFact]
    public async Task FromRequestWithToken_ReportsTokenAndSource()
    {
        var issued = await app.NewSessionAsync();
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = "bearer " + issued.Token;

        var current = await WithManagerAsync(m => m.FromRequestWithTokenAsync(context, CancellationToken.None));

        Assert.Equal(issued.Session.Id, current?.Session.Id);
        Assert.Equal(issued.Token, current!.Token);
        Assert.Equal(SessionTokenSource.Bearer, current.Source);
    }

    [SkippableFact]
    public async Task NewSession_ForAnInactiveIdentity_IsRefused()
    {
        var identityId = await app.NewIdentityAsync();
        await app.Admin().SendJsonAsync(HttpMethod.Patch, $"/admin/identities/{identityId}", """[{"op":"replace","path":"/state","value":"inactive"}]""");

        var error = await Record.ExceptionAsync(() => app.IssueSessionAsync(identityId));

        Assert.Equal("identity_disabled", Assert.IsType<Custos.Hosting.CustosException>(error).Id);
    }
}

public sealed class SqliteSessionManagerTests(SessionsSqliteApp app) : SessionManagerTests<SessionsSqliteApp>(app);

public sealed class PostgresSessionManagerTests(SessionsPostgresApp app) : SessionManagerTests<SessionsPostgresApp>(app);
