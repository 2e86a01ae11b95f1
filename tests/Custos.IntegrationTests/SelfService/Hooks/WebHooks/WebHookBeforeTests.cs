using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.SelfService.Hooks.WebHooks;

namespace Custos.IntegrationTests.SelfService.Hooks.WebHooks;

/// <summary>
/// <c>selfservice.flows.&lt;flow&gt;.before.hooks</c> web hooks at flow creation, against a real receiver (strategies contract
/// §7.2, §7.3, §7.4): the <c>ctx</c> they get, and how a failing answer aborts the creation before anything is stored.
/// </summary>
public sealed class WebHookBeforeTests : IDisposable
{
    private const string Password = "correct horse battery staple";
    private readonly WebHookReceiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    private CustosAppFactory App(string flow, JsonObject hook, WebHookClientSettings? client = null)
    {
        var flows = new JsonObject
        {
            ["recovery"] = new JsonObject { ["enabled"] = true, ["ui_url"] = "http://localhost:4455/recovery" },
            ["verification"] = new JsonObject { ["enabled"] = true, ["ui_url"] = "http://localhost:4455/verification" },
        };
        var config = flows[flow] as JsonObject ?? new JsonObject();
        config["before"] = new JsonObject { ["hooks"] = new JsonArray(hook) };
        flows[flow] = config;
        return WebHookApp.Create(flows, _receiver, client: client,
            configure: c => c["secrets"] = new JsonObject { ["default"] = new JsonArray("a-default-secret-of-32-characters") });
    }

    private static async Task<HttpResponseMessage> InitAsync(CustosAppFactory app, string flow, ClientKind kind = ClientKind.Api, string? token = null)
    {
        var client = new FlowClient(app, kind) { SessionToken = token };
        var request = new HttpRequestMessage(HttpMethod.Get, $"/self-service/{flow}/{(kind == ClientKind.Api ? "api" : "browser")}");
        client.Authorize(request);
        request.Headers.UserAgent.ParseAdd("custos-test/1.0");
        if (kind != ClientKind.Browser)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        return await client.Http.SendAsync(request);
    }

    private static async Task<JsonObject> ErrorAsync(HttpResponseMessage response) => (await response.JsonAsync())["error"]!.AsObject();

    [SkippableTheory]
    [InlineData("login")]
    [InlineData("registration")]
    [InlineData("recovery")]
    [InlineData("verification")]
    public async Task Before_PostsTheNewFlowAndTheRequest(string flow)
    {
        using var app = App(flow, WebHookApp.Hook(_receiver.Url()));

        var response = await InitAsync(app, flow);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = await response.JsonAsync();
        var ctx = Assert.Single(await _receiver.WaitForAsync(1)).Json;
        Assert.Equal(created["id"]!.GetValue<string>(), ctx["flow_id"]!.GetValue<string>());
        Assert.Equal("api", ctx["flow_type"]!.GetValue<string>());
        Assert.Equal("GET", ctx["request_method"]!.GetValue<string>());
        Assert.Contains($"/self-service/{flow}/api", ctx["request_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("custos-test/1.0", ctx["request_headers"]!["User-Agent"]![0]!.GetValue<string>());
        Assert.Null(ctx["identity_id"]);
        Assert.Null(ctx["session_id"]);
    }

    [SkippableFact]
    public async Task Before_Settings_CarriesTheSession()
    {
        using var app = App("settings", WebHookApp.Hook(_receiver.Url()));
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, ClientKind.Api);
        await client.LoginAsync(email, Password);
        var sessionId = (await (await client.WhoamiAsync()).JsonAsync())["id"]!.GetValue<string>();

        var response = await InitAsync(app, "settings", token: client.SessionToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ctx = Assert.Single(await _receiver.WaitForAsync(1)).Json;
        Assert.Equal(sessionId, ctx["session_id"]!.GetValue<string>());
        Assert.Null(ctx["identity_id"]);
    }

    [SkippableTheory]
    [InlineData("login")]
    [InlineData("registration")]
    [InlineData("recovery")]
    [InlineData("verification")]
    public async Task Before_RejectingAnswer_Answers502_AndStoresNoFlow(string flow)
    {
        using var app = App(flow, WebHookApp.Hook(_receiver.Url()));
        _receiver.Respond = (_, _) => new WebHookReceiver.Reply(403);

        var response = await InitAsync(app, flow);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var error = await ErrorAsync(response);
        Assert.Equal("webhook failed with status code 403", error["message"]!.GetValue<string>());
        Assert.Equal(WebHookResponses.UpstreamImproper, error["reason"]!.GetValue<string>());
        var id = Assert.Single(await _receiver.WaitForAsync(1)).Json["flow_id"]!.GetValue<string>();
        var lookup = new HttpRequestMessage(HttpMethod.Get, $"/self-service/{flow}/flows?id={id}");
        lookup.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var read = await app.Public().SendAsync(lookup);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [SkippableFact]
    public async Task Before_ServerErrors_AreTriedThreeTimes_ThenAnswer500()
    {
        using var app = App("registration", WebHookApp.Hook(_receiver.Url()));
        _receiver.Respond = (_, _) => new WebHookReceiver.Reply(503);

        var response = await InitAsync(app, "registration");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(3, (await _receiver.WaitForAsync(3)).Count);
    }

    [SkippableFact]
    public async Task Before_SlowHook_Answers504()
    {
        using var app = App("login", WebHookApp.Hook(_receiver.Url()),
            new WebHookClientSettings { AttemptTimeout = TimeSpan.FromMilliseconds(1500), Attempts = 2, FirstRetryWait = TimeSpan.FromMilliseconds(10) });
        _receiver.Respond = (_, _) => new WebHookReceiver.Reply(204, Delay: TimeSpan.FromSeconds(6));

        var response = await InitAsync(app, "login");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal(WebHookResponses.UpstreamUnreachable, (await ErrorAsync(response))["reason"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Before_BrowserFailure_GoesToTheErrorUi()
    {
        using var app = App("login", WebHookApp.Hook(_receiver.Url()));
        _receiver.Respond = (_, _) => new WebHookReceiver.Reply(403);

        var response = await InitAsync(app, "login", ClientKind.Browser);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.StartsWith("http://localhost:4455/error?id=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Before_ParsingHookThatInterrupts_Answers500()
    {
        using var app = App("registration", WebHookApp.Hook(_receiver.Url(), response: new JsonObject { ["parse"] = true }));
        _receiver.Respond = (_, _) => new WebHookReceiver.Reply(400, """{"messages":[{"instance_ptr":"#/","messages":[{"id":4000001,"text":"closed","type":"error"}]}]}""");

        var response = await InitAsync(app, "registration");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(500, (await ErrorAsync(response))["code"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Before_IgnoredHook_CreatesTheFlow_AndIsDeliveredInTheBackground()
    {
        using var app = App("verification", WebHookApp.Hook(_receiver.Url(), response: new JsonObject { ["ignore"] = true }));
        _receiver.Respond = (n, _) => new WebHookReceiver.Reply(n == 1 ? 500 : 204);

        var response = await InitAsync(app, "verification");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = await _receiver.WaitForAsync(2);
        Assert.Equal(2, received.Count);
        Assert.Equal((await response.JsonAsync())["id"]!.GetValue<string>(), received[1].Json["flow_id"]!.GetValue<string>());
    }
}
