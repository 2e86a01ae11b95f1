using System.Net;
using Custos.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Custos.IntegrationTests.Sessions;

/// <summary>whoami is the hottest route: it must cost at most two SQL statements (session joined with identity, then addresses).</summary>
public abstract class WhoamiStatementCountTests<TFactory>(TFactory app, ITestOutputHelper output) : IClassFixture<TFactory>
    where TFactory : CustosAppFactory
{
    [SkippableFact]
    public async Task Whoami_RunsAtMostTwoStatements()
    {
        var issued = await app.NewSessionAsync();
        var client = app.PublicClient();

        app.Statements!.Start();
        var response = await client.SendAsync(HttpMethod.Get, "/sessions/whoami", r => r.WithToken(issued.Token));
        var statements = app.Statements.Stop();

        output.WriteLine($"whoami ran {statements.Count} statement(s):");
        foreach (var sql in statements)
        {
            output.WriteLine("  " + sql);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(statements.Count, 1, 2);
    }

    [SkippableFact]
    public async Task Whoami_UnknownToken_RunsOneStatement()
    {
        var client = app.PublicClient();

        app.Statements!.Start();
        var response = await client.SendAsync(HttpMethod.Get, "/sessions/whoami", r => r.WithToken("ory_st_unknown"));
        var statements = app.Statements.Stop();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(statements);
    }
}

public sealed class SqliteWhoamiStatementCountTests(SessionsSqliteApp app, ITestOutputHelper output) : WhoamiStatementCountTests<SessionsSqliteApp>(app, output);

public sealed class PostgresWhoamiStatementCountTests(SessionsPostgresApp app, ITestOutputHelper output) : WhoamiStatementCountTests<SessionsPostgresApp>(app, output);
