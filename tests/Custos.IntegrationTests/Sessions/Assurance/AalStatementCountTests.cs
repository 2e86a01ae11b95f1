using System.Net;
using Custos.IntegrationTests.Infrastructure;
using Custos.Sessions;
using Xunit.Abstractions;

namespace Custos.IntegrationTests.Sessions.Assurance;

/// <summary>
/// The <c>highest_available</c> check reads the identity's credentials, yet whoami keeps its budget of two SQL statements:
/// the credentials come with the addresses (SQLite) or with the session (PostgreSQL).
/// </summary>
public abstract class AalStatementCountTests<TFactory>(TFactory app, ITestOutputHelper output) : IClassFixture<TFactory>
    where TFactory : CustosAppFactory
{
    private async Task<(HttpStatusCode Status, IReadOnlyList<string> Statements)> WhoamiAsync(IssuedSession issued)
    {
        var client = app.PublicClient();
        app.Statements!.Start();
        var response = await client.SendAsync(HttpMethod.Get, "/sessions/whoami", r => r.WithToken(issued.Token));
        var statements = app.Statements.Stop();
        foreach (var sql in statements)
        {
            output.WriteLine("  " + sql);
        }

        return (response.StatusCode, statements);
    }

    [SkippableFact]
    public async Task Aal1Session_OfAnIdentityWithASecondFactor_IsRefusedInAtMostTwoStatements()
    {
        var identityId = Guid.Parse((await app.Admin().CreateIdentityAsync($"{Guid.NewGuid():N}@example.com", "correct horse battery staple"))["id"]!.GetValue<string>());
        await app.AddTotpAsync(identityId);
        var issued = await app.IssueSessionAsync(identityId);

        var (status, statements) = await WhoamiAsync(issued);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.InRange(statements.Count, 1, 2);
    }

    [SkippableFact]
    public async Task Aal1Session_OfAnIdentityWithAPasswordOnly_PassesInAtMostTwoStatements()
    {
        var identityId = Guid.Parse((await app.Admin().CreateIdentityAsync($"{Guid.NewGuid():N}@example.com", "correct horse battery staple"))["id"]!.GetValue<string>());
        var issued = await app.IssueSessionAsync(identityId);

        var (status, statements) = await WhoamiAsync(issued);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.InRange(statements.Count, 1, 2);
    }

    [SkippableFact]
    public async Task Aal2Session_PassesInAtMostTwoStatements()
    {
        var identityId = await app.NewIdentityAsync();
        await app.AddTotpAsync(identityId);
        var issued = await app.IssueSessionAsync(identityId, new AuthenticationMethod("password", "aal1", default), new AuthenticationMethod("totp", "aal2", default));

        var (status, statements) = await WhoamiAsync(issued);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.InRange(statements.Count, 1, 2);
    }
}

public sealed class SqliteAalStatementCountTests(SessionsSqliteApp app, ITestOutputHelper output) : AalStatementCountTests<SessionsSqliteApp>(app, output);

public sealed class PostgresAalStatementCountTests(SessionsPostgresApp app, ITestOutputHelper output) : AalStatementCountTests<SessionsPostgresApp>(app, output);
