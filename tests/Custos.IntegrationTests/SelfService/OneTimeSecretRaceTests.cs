using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.SelfService.AddressFlows;
using Custos.IntegrationTests.Sessions;
using Custos.IntegrationTests.Sessions.Assurance;
using Custos.SelfService.Strategies.Totp;
using Custos.Sessions;

namespace Custos.IntegrationTests.SelfService;

/// <summary>
/// 50 parallel HTTP submissions of one one-time secret, on each database: a login code signs in once, and a backup code
/// or a TOTP step lifts exactly one of 50 aal1 sessions to aal2 (contract §1.8, §2.3, §3.3; strategies contract §10).
/// </summary>
public abstract class OneTimeSecretRaceTests<TApps>(TApps apps) : IClassFixture<TApps>
    where TApps : AalMatrixApps
{
    private const int Parallel = 50;

    private static readonly AuthenticationMethod Password = new("password", "aal1", default);

    private AalMatrixApp App => apps.Passwordless;

    [SkippableFact]
    public async Task FiftyParallelSubmissions_OfOneLoginCode_SignInOnce()
    {
        var identity = await App.ImportAsync("code", "none");
        var client = new FlowClient(App, ClientKind.Api);
        var sent = await client.SubmitAsync(await client.InitAsync("login"), new() { ["method"] = "code", ["identifier"] = identity.Email });
        var sentFlow = (await sent.JsonAsync()).AsObject();
        var code = await App.LatestCodeAsync(identity.Email);

        var responses = await RaceAsync(_ => new FlowClient(App, ClientKind.Api)
            .SubmitAsync(sentFlow, new() { ["method"] = "code", ["identifier"] = identity.Email, ["code"] = code }));
        var sessions = await (await App.Admin().GetAsync($"/admin/identities/{identity.Id}/sessions")).JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        AssertOneSuccess(responses);
        Assert.Single(sessions.AsArray());
    }

    [SkippableFact]
    public async Task FiftyParallelStepUps_WithOneBackupCode_LiftOneSession()
    {
        var identity = await App.ImportAsync("password", "lookup_secret");
        var backupCode = identity.BackupCodes[0];

        var (clients, responses) = await StepUpRaceAsync(identity, () => new() { ["method"] = "lookup_secret", ["lookup_secret"] = backupCode });

        AssertOneSuccess(responses);
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.BadRequest);
        await AssertOneAal2SessionAsync(clients);
    }

    [SkippableFact]
    public async Task FiftyParallelStepUps_WithOneTotpStep_LiftOneSession()
    {
        var identity = await App.ImportAsync("password", "totp");
        var code = TotpCode.Compute(identity.Totp!.Secret, App.ManualClock.GetUtcNow().UtcDateTime);

        var (clients, responses) = await StepUpRaceAsync(identity, () => new() { ["method"] = "totp", ["totp_code"] = code });

        AssertOneSuccess(responses);
        await AssertOneAal2SessionAsync(clients);
    }

    /// <summary>50 aal1 sessions of <paramref name="identity"/>, each with its own aal2 login flow, all submitted at once.</summary>
    private async Task<(FlowClient[] Clients, HttpResponseMessage[] Responses)> StepUpRaceAsync(MatrixIdentity identity, Func<Dictionary<string, string>> fields)
    {
        var clients = new FlowClient[Parallel];
        var flows = new JsonObject[Parallel];
        for (var i = 0; i < Parallel; i++)
        {
            clients[i] = new FlowClient(App, ClientKind.Api) { SessionToken = (await App.IssueSessionAsync(identity.Id, Password)).Token };
            flows[i] = await clients[i].InitAsync("login", "?aal=aal2");
        }

        var responses = await RaceAsync(i => clients[i].SubmitAsync(flows[i], fields()));
        return (clients, responses);
    }

    private static Task<HttpResponseMessage[]> RaceAsync(Func<int, Task<HttpResponseMessage>> submit) =>
        Task.WhenAll(Enumerable.Range(0, Parallel).Select(i => Task.Run(() => submit(i))));

    private static void AssertOneSuccess(HttpResponseMessage[] responses)
    {
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.True((int)r.StatusCode is >= 400 and < 500, r.StatusCode.ToString()));
    }

    private static async Task AssertOneAal2SessionAsync(FlowClient[] clients)
    {
        var whoamis = await Task.WhenAll(clients.Select(c => c.WhoamiAsync()));

        Assert.Single(whoamis, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(Parallel - 1, whoamis.Count(r => r.StatusCode == HttpStatusCode.Forbidden));
    }
}

public sealed class SqliteOneTimeSecretRaceTests(SqliteAalMatrixApps apps) : OneTimeSecretRaceTests<SqliteAalMatrixApps>(apps);

public sealed class PostgresOneTimeSecretRaceTests(PostgresAalMatrixApps apps) : OneTimeSecretRaceTests<PostgresAalMatrixApps>(apps);
