using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.SelfService.AddressFlows;

namespace Custos.IntegrationTests.SelfService.Limits;

/// <summary>
/// <c>security.throttling.code_identity</c> (10 / 1h): wrong login, recovery and verification codes count per identity
/// across flows, so that opening new flows does not bring new guesses; past the limit even the right code is refused
/// (429 with <c>Retry-After</c> for API clients) until the window ends.
/// </summary>
public abstract class CodeGuessLimitTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : CodeLimitApp
{
    private const string Password = "correct horse battery staple";

    private static string NewEmail() => $"{Guid.NewGuid():N}@example.com";

    private async Task<string> NewIdentityAsync()
    {
        var email = NewEmail();
        await app.Admin().CreateIdentityAsync(email, Password);
        return email;
    }

    /// <summary>A login flow (API) whose code went to <paramref name="email"/>.</summary>
    private async Task<(FlowClient Client, JsonObject Flow)> LoginCodeSentAsync(string email)
    {
        var client = new FlowClient(app, ClientKind.Api);
        var sent = await client.SubmitAsync(await client.InitAsync("login"), new() { ["method"] = "code", ["identifier"] = email });
        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        return (client, (await sent.JsonAsync()).AsObject());
    }

    /// <summary>A recovery or verification flow (API) whose code went to <paramref name="email"/>.</summary>
    private async Task<(FlowClient Client, JsonObject Flow)> AddressCodeSentAsync(string kind, string email)
    {
        var client = new FlowClient(app, ClientKind.Api);
        var sent = await client.SubmitAsync(await client.InitAsync(kind), new() { ["method"] = "code", ["email"] = email });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        return (client, (await sent.JsonAsync()).AsObject());
    }

    private static Task<HttpResponseMessage> GuessLoginAsync(FlowClient client, JsonObject flow, string email, string code) =>
        client.SubmitAsync(flow, new() { ["method"] = "code", ["identifier"] = email, ["code"] = code });

    private static Task<HttpResponseMessage> GuessAsync(FlowClient client, JsonObject flow, string code) =>
        client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = code });

    /// <summary>A 6-digit code none of the messages to <paramref name="email"/> carries.</summary>
    private async Task<string> WrongCodeAsync(string email)
    {
        var sent = (await app.MessagesAsync(email)).Select(m => Mailbox.CodeIn(m.Body)).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !sent.Contains(c));
    }

    private static async Task AssertThrottledAsync(HttpResponseMessage answer)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
        var retryAfter = int.Parse(Assert.Single(answer.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        var error = (await answer.JsonAsync())["error"]!;
        Assert.Equal("too_many_requests", error["id"]!.GetValue<string>());
        Assert.Equal(429, error["code"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task GuessingAcrossThreeLoginFlows_StopsAtTheIdentityLimit_TheRightCodeIsRefused_UntilTheWindowEnds()
    {
        var email = await NewIdentityAsync();
        var answers = new List<HttpResponseMessage>();
        for (var flows = 0; flows < 3; flows++)
        {
            // Four wrong codes per flow stay under each flow's own max_submissions (5).
            var (client, flow) = await LoginCodeSentAsync(email);
            var wrong = await WrongCodeAsync(email);
            for (var i = 0; i < 4; i++)
            {
                answers.Add(await GuessLoginAsync(client, flow, email, wrong));
            }
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, 10), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers.Select(a => a.StatusCode));
        Assert.Contains("4010008", FlowClient.MessageIds((await answers[9].JsonAsync()).AsObject()));
        await AssertThrottledAsync(answers[10]);

        var (fourth, fresh) = await LoginCodeSentAsync(email);
        await AssertThrottledAsync(await GuessLoginAsync(fourth, fresh, email, await app.LatestCodeAsync(email)));

        app.ManualClock.Advance(TimeSpan.FromMinutes(61));
        var (fifth, later) = await LoginCodeSentAsync(email);
        var signedIn = await GuessLoginAsync(fifth, later, email, await app.LatestCodeAsync(email));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.NotNull((await signedIn.JsonAsync())["session_token"]);
    }

    [SkippableFact]
    public async Task WrongLoginRecoveryAndVerificationCodes_CountTogether_ThenTheRightRecoveryCodeIsRefused()
    {
        var email = await NewIdentityAsync();
        var (recovery, recoveryFlow) = await AddressCodeSentAsync("recovery", email);
        var recoveryCode = await app.LatestCodeAsync(email);
        var wrong = await WrongCodeAsync(email);
        for (var i = 0; i < 4; i++)
        {
            var answer = await GuessAsync(recovery, recoveryFlow, wrong);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains("4060006", FlowClient.MessageIds((await answer.JsonAsync()).AsObject()));
        }

        var (login, loginFlow) = await LoginCodeSentAsync(email);
        wrong = await WrongCodeAsync(email);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await GuessLoginAsync(login, loginFlow, email, wrong)).StatusCode);
        }

        var (verification, verificationFlow) = await AddressCodeSentAsync("verification", email);
        wrong = await WrongCodeAsync(email);
        for (var i = 0; i < 2; i++)
        {
            var answer = await GuessAsync(verification, verificationFlow, wrong);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains("4070006", FlowClient.MessageIds((await answer.JsonAsync()).AsObject()));
        }

        await AssertThrottledAsync(await GuessAsync(recovery, recoveryFlow, recoveryCode));
        Assert.Equal(HttpStatusCode.Unauthorized, (await recovery.WhoamiAsync()).StatusCode);
    }

    [SkippableFact]
    public async Task ARightCode_ClearsTheCount()
    {
        var email = await NewIdentityAsync();
        for (var round = 0; round < 3; round++)
        {
            // Messages are listed newest first: a second between rounds keeps this round's code on top.
            app.ManualClock.Advance(TimeSpan.FromSeconds(1));
            var (client, flow) = await LoginCodeSentAsync(email);
            var wrong = await WrongCodeAsync(email);
            for (var i = 0; i < 4; i++)
            {
                Assert.Equal(HttpStatusCode.BadRequest, (await GuessLoginAsync(client, flow, email, wrong)).StatusCode);
            }

            // Without the reset the third round's third wrong code would be the eleventh in the window.
            Assert.Equal(HttpStatusCode.OK, (await GuessLoginAsync(client, flow, email, await app.LatestCodeAsync(email))).StatusCode);
        }
    }

    [SkippableFact]
    public async Task ParallelGuessesAcrossFlows_GetExactlyTheLimit()
    {
        var email = await NewIdentityAsync();
        var flows = new List<(FlowClient Client, JsonObject Flow)>();
        for (var i = 0; i < 12; i++)
        {
            flows.Add(await LoginCodeSentAsync(email));
        }

        var wrong = await WrongCodeAsync(email);
        var answers = await Task.WhenAll(flows.SelectMany(f => Enumerable.Range(0, 4).Select(_ => GuessLoginAsync(f.Client, f.Flow, email, wrong))));

        Assert.Equal(10, answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest));
        Assert.Equal(38, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
    }
}

public sealed class SqliteCodeGuessLimitTests(CodeLimitApp app) : CodeGuessLimitTests<CodeLimitApp>(app);

public sealed class PostgresCodeGuessLimitTests(PostgresCodeLimitApp app) : CodeGuessLimitTests<PostgresCodeLimitApp>(app);
