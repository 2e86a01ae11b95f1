using System.Net;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.SelfService.AddressFlows;

namespace Custos.IntegrationTests.SelfService.Code;

/// <summary>One registration code used by many parallel submissions creates one identity, on each database.</summary>
public abstract class CodeRegistrationRaceTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : CodeRegistrationApp
{
    [SkippableFact]
    public async Task FiftyParallelSubmissions_OfOneCode_CreateOneIdentity()
    {
        var client = new FlowClient(app, ClientKind.Api);
        var email = $"{Guid.NewGuid():N}@example.com";
        var send = await client.SubmitAsync(await client.InitAsync("registration"), new() { ["method"] = "code", ["traits.email"] = email });
        var sent = (await send.JsonAsync()).AsObject();
        var code = await app.LatestCodeAsync(email);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
            new FlowClient(app, ClientKind.Api).SubmitAsync(sent, new() { ["method"] = "code", ["traits.email"] = email, ["code"] = code }))));
        var listed = await (await app.Admin().GetAsync($"/admin/identities?credentials_identifier={email}")).JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, send.StatusCode);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.True((int)r.StatusCode is >= 400 and < 500, r.StatusCode.ToString()));
        Assert.Single(listed.AsArray());
    }
}

public sealed class SqliteCodeRegistrationRaceTests(CodeRegistrationApp app) : CodeRegistrationRaceTests<CodeRegistrationApp>(app);

public sealed class PostgresCodeRegistrationRaceTests(CodeRegistrationPostgresApp app) : CodeRegistrationRaceTests<CodeRegistrationPostgresApp>(app);
