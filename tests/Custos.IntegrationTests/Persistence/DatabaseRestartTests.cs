using System.Globalization;
using System.Net;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Persistence;

/// <summary>
/// <c>custos serve</c> on a PostgreSQL that restarts: the pooled connections it held are dead afterwards, and the API must
/// not fail once per dead connection before it recovers.
/// </summary>
public sealed class DatabaseRestartTests(ThrowawayPostgres postgres) : IClassFixture<ThrowawayPostgres>
{
    [SkippableFact]
    public async Task AfterAPostgresRestart_AtMostOneRequestFails_ThenEveryRequestSucceeds()
    {
        Skip.If(postgres.Unavailable is not null, postgres.Unavailable);
        var dsn = await postgres.CreateDatabaseAsync();
        var (publicPort, adminPort) = (CustosProcess.FreePort(), CustosProcess.FreePort());
        var env = new Dictionary<string, string>
        {
            ["DSN"] = dsn,
            ["SERVE_PUBLIC_PORT"] = publicPort.ToString(CultureInfo.InvariantCulture),
            ["SERVE_ADMIN_PORT"] = adminPort.ToString(CultureInfo.InvariantCulture),
        };
        Assert.Equal(0, (await CustosProcess.RunAsync(["migrate", "sql", "-e", "--yes"], env)).Code);
        await using var server = CustosProcess.Start(["serve", "--dev"], env, Path.GetTempPath());
        await server.WaitForOkAsync($"http://127.0.0.1:{adminPort}/health/ready");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}/"), Timeout = TimeSpan.FromSeconds(15) };
        var created = await client.PostAsync("/admin/identities", new StringContent("""{"traits":{"email":"restart@example.com"}}""", System.Text.Encoding.UTF8, "application/json"));
        var location = $"/admin/identities/{System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()}";
        // Parallel requests leave several idle connections in the pool.
        var warm = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => client.GetAsync(location)));
        Assert.All(warm, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        await postgres.RestartAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add((await client.GetAsync(location)).StatusCode);
        }

        var failures = statuses.Count(s => (int)s >= 500);
        Assert.True(failures <= 1, $"{failures} of {statuses.Count} requests failed after the restart: {string.Join(", ", statuses.Select(s => (int)s))}\n{server.Stdout}");
        Assert.All(statuses.SkipWhile(s => (int)s >= 500), s => Assert.Equal(HttpStatusCode.OK, s));
    }
}
