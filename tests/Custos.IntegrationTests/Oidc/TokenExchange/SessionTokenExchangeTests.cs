using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.Sessions;

namespace Custos.IntegrationTests.Oidc.TokenExchange;

/// <summary>
/// Kratos's session token exchange for native social sign-in: the init code on API flow creation, and
/// <c>GET /sessions/token-exchange</c> trading both codes once for the session and a working token. The OIDC callback
/// is not built yet, so the tests bind a real session (a password API login) through the service the callback calls.
/// </summary>
public abstract partial class SessionTokenExchangeTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : CustosAppFactory
{
    private const string Flag = "return_session_token_exchange_code";

    [SkippableFact]
    public async Task ALoginApiFlow_WithTheFlag_CarriesAKratosLengthCode_OnlyInTheCreationAnswer()
    {
        var created = await CreateAsync("login", $"?{Flag}=true&return_to=http://localhost:4455/app");

        var code = created["session_token_exchange_code"]!.GetValue<string>();
        var read = await ReadFlowAsync("login", created);

        Assert.Matches("^[A-Za-z0-9]{64}$", code);
        Assert.False(read.ContainsKey("session_token_exchange_code"));
        Assert.Equal(
            ["requested_aal", "session_token_exchange_code", "state"],
            created.Select(p => p.Key).Where(k => k is "requested_aal" or "session_token_exchange_code" or "state"));
    }

    [SkippableFact]
    public async Task ARegistrationApiFlow_WithTheFlag_CarriesACode_BeforeItsState()
    {
        var created = await CreateAsync("registration", $"?{Flag}=true");

        Assert.Matches("^[A-Za-z0-9]{64}$", created["session_token_exchange_code"]!.GetValue<string>());
        Assert.Equal(
            ["organization_id", "session_token_exchange_code", "state"],
            created.Select(p => p.Key).Where(k => k is "organization_id" or "session_token_exchange_code" or "state"));
    }

    [SkippableTheory]
    [InlineData("login", "")]
    [InlineData("login", "?" + Flag + "=false")]
    [InlineData("registration", "")]
    [InlineData("registration", "?" + Flag + "=1")]
    public async Task WithoutTheFlag_NoCodeIsIssued(string flow, string query)
    {
        var created = await CreateAsync(flow, query);

        Assert.False(created.ContainsKey("session_token_exchange_code"));
    }

    [SkippableFact]
    public async Task TheLoginFlow_ParsesTheFlagAsABoolean()
    {
        var created = await CreateAsync("login", $"?{Flag}=1");

        Assert.True(created.ContainsKey("session_token_exchange_code"));
    }

    [SkippableTheory]
    [InlineData("login")]
    [InlineData("registration")]
    public async Task ABrowserFlow_GetsNoCode(string flow)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/self-service/{flow}/browser?{Flag}=true");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var response = await app.PublicClient().SendAsync(request);
        var body = (await response.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.ContainsKey("session_token_exchange_code"));
    }

    [SkippableFact]
    public async Task AnAppThatIsSignedIn_GetsNoCode_WhenItRefreshes()
    {
        var client = new FlowClient(app, ClientKind.Api);
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);
        await client.LoginAsync(email, Password);

        var created = await client.InitAsync("login", $"?refresh=true&{Flag}=true");

        Assert.True(created["refresh"]!.GetValue<bool>());
        Assert.False(created.ContainsKey("session_token_exchange_code"));
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("?init_code=abc")]
    [InlineData("?return_to_code=abc")]
    [InlineData("?init_code=&return_to_code=abc")]
    public async Task AnExchange_WithoutBothCodes_Is400(string query)
    {
        var response = await app.PublicClient().GetAsync("/sessions/token-exchange" + query);
        var error = (await response.JsonAsync())["error"]!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, error["code"]!.GetValue<int>());
        Assert.Equal("\"init_code\" and \"return_to_code\" query params must be set", error["reason"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task AnExchange_OfUnknownCodes_Is404()
    {
        var response = await ExchangeAsync(new string('a', 64), new string('b', 64));
        var error = (await response.JsonAsync())["error"]!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("no session yet for this \"code\"", error["reason"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task AnExchange_BeforeTheFlowHandedOutACode_Is404()
    {
        var created = await CreateAsync("login", $"?{Flag}=true");

        var response = await ExchangeAsync(InitCode(created), new string('b', 64));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SkippableFact]
    public async Task AnExchange_OfAFlowThatEndedWithoutSession_Is422WithTheFlow()
    {
        var created = await CreateAsync("registration", $"?{Flag}=true");
        var returnToCode = await WithExchangesAsync(e => e.PendingReturnToCodeAsync(FlowId(created), CancellationToken.None));

        var response = await ExchangeAsync(InitCode(created), returnToCode!);
        var body = (await response.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(created["id"]!.GetValue<string>(), body["id"]!.GetValue<string>());
        Assert.Equal("api", body["type"]!.GetValue<string>());
        Assert.False(body.ContainsKey("session_token_exchange_code"));
    }

    [SkippableFact]
    public async Task AnExchange_AfterCompletion_AnswersTheSessionWithAWorkingToken()
    {
        var (created, login) = await SignInOnExchangeFlowAsync();
        var sessionId = Guid.Parse(login["session"]!["id"]!.GetValue<string>());
        var returnToCode = await WithExchangesAsync(e => e.CompleteAsync(FlowId(created), sessionId, CancellationToken.None));

        var response = await ExchangeAsync(InitCode(created), returnToCode!);
        var body = (await response.JsonAsync()).AsObject();
        var token = body["session_token"]!.GetValue<string>();
        var whoami = await WhoamiAsync(token);
        var formerToken = await WhoamiAsync(login["session_token"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^ory_st_[A-Za-z0-9]{32}$", token);
        Assert.Equal(sessionId.ToString(), body["session"]!["id"]!.GetValue<string>());
        Assert.Equal(login["session"]!["identity"]!["id"]!.GetValue<string>(), body["session"]!["identity"]!["id"]!.GetValue<string>());
        Assert.True(body["session"]!["active"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        Assert.Equal(sessionId.ToString(), (await whoami.JsonAsync())["id"]!.GetValue<string>());
        // Only digests of session tokens are stored: the exchange hands out a new one, and the session answers to it alone.
        Assert.Equal(HttpStatusCode.Unauthorized, formerToken.StatusCode);
    }

    [SkippableFact]
    public async Task AnExchange_IsSingleUse()
    {
        var (initCode, returnToCode) = await CompletedExchangeAsync();

        var first = await ExchangeAsync(initCode, returnToCode);
        var second = await ExchangeAsync(initCode, returnToCode);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
    }

    [SkippableFact]
    public async Task WrongCodes_Are404_AndLeaveTheRightOnesUsable()
    {
        var (initCode, returnToCode) = await CompletedExchangeAsync();

        var wrongReturn = await ExchangeAsync(initCode, returnToCode[..^1] + (returnToCode[^1] == 'x' ? 'y' : 'x'));
        var wrongInit = await ExchangeAsync(returnToCode, returnToCode);
        var swapped = await ExchangeAsync(returnToCode, initCode);
        var right = await ExchangeAsync(initCode, returnToCode);

        Assert.Equal(HttpStatusCode.NotFound, wrongReturn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongInit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, swapped.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [SkippableFact]
    public async Task AnExchange_IsRefused_OnceAnHourHasPassedSinceTheFlowBegan()
    {
        var (initCode, returnToCode) = await CompletedExchangeAsync();
        var (freshInit, freshReturn) = await CompletedExchangeAsync();
        app.ManualClock().Advance(TimeSpan.FromMinutes(59));
        var justInTime = await ExchangeAsync(freshInit, freshReturn);

        app.ManualClock().Advance(TimeSpan.FromMinutes(2));
        var late = await ExchangeAsync(initCode, returnToCode);

        Assert.Equal(HttpStatusCode.OK, justInTime.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
    }

    [SkippableFact]
    public async Task AMovedExchange_AnswersForTheNewFlow()
    {
        var login = await CreateAsync("login", $"?{Flag}=true");
        var registration = await CreateAsync("registration", "");
        var returnToCode = await WithExchangesAsync(async e =>
        {
            await e.MoveAsync(FlowId(login), FlowId(registration), CancellationToken.None);
            return await e.PendingReturnToCodeAsync(FlowId(registration), CancellationToken.None);
        });
        var leftBehind = await WithExchangesAsync(e => e.PendingReturnToCodeAsync(FlowId(login), CancellationToken.None));

        var response = await ExchangeAsync(InitCode(login), returnToCode!);

        Assert.Null(leftBehind);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(registration["id"]!.GetValue<string>(), (await response.JsonAsync())["id"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task TheStateBinding_IsStablePerExchange_AndAbsentWithoutOne()
    {
        var one = await CreateAsync("login", $"?{Flag}=true");
        var other = await CreateAsync("registration", $"?{Flag}=true");
        var none = await CreateAsync("login", "");

        var first = await WithExchangesAsync(e => e.StateBindingAsync(FlowId(one), CancellationToken.None));
        var again = await WithExchangesAsync(e => e.StateBindingAsync(FlowId(one), CancellationToken.None));
        var otherBinding = await WithExchangesAsync(e => e.StateBindingAsync(FlowId(other), CancellationToken.None));
        var noBinding = await WithExchangesAsync(e => e.StateBindingAsync(FlowId(none), CancellationToken.None));

        Assert.Equal(64, first!.Length);
        Assert.Equal(first, again);
        Assert.NotEqual(first, otherBinding);
        Assert.Null(noBinding);
    }

    [SkippableFact]
    public async Task CompletingAFlowWithoutExchange_GivesNoCode()
    {
        var (created, login) = await SignInOnExchangeFlowAsync(withFlag: false);

        var code = await WithExchangesAsync(e => e.CompleteAsync(FlowId(created), Guid.Parse(login["session"]!["id"]!.GetValue<string>()), CancellationToken.None));

        Assert.Null(code);
    }

    [SkippableFact]
    public async Task FiftyParallelExchanges_OfOneCode_SucceedExactlyOnce()
    {
        var (initCode, returnToCode) = await CompletedExchangeAsync();
        var client = app.PublicClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
            client.GetAsync($"/sessions/token-exchange?init_code={initCode}&return_to_code={returnToCode}"))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }
}

public sealed class SqliteSessionTokenExchangeTests(SessionsSqliteApp app) : SessionTokenExchangeTests<SessionsSqliteApp>(app);

public sealed class PostgresSessionTokenExchangeTests(SessionsPostgresApp app) : SessionTokenExchangeTests<SessionsPostgresApp>(app);
