using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.SelfService.Hooks.WebHooks;

namespace Custos.IntegrationTests.SelfService.Hooks.WebHooks;

/// <summary>How a web hook's answer steers the login: Kratos's errors, interrupts and parsed identities.</summary>
public sealed partial class WebHookFlowTests
{
    private const string Interrupt = """
        {"messages":[
          {"instance_ptr":"#/traits/email","messages":[{"id":10001,"text":"This email is on a block list","type":"error","context":{"value":"blocked"}}]},
          {"instance_ptr":"#/","messages":[{"id":4000001,"text":"Please try later","type":"warning"}]}]}
        """;

    private static readonly JsonObject Parse = new() { ["parse"] = true };

    [SkippableFact]
    public async Task AfterLogin_RejectingAnswer_FailsTheLoginWith502()
    {
        using var app = LoginApp(WebHookApp.Hook(_receiver.Url()));
        _receiver.Respond = (_, _) => new WebHookReceiver.Reply(403);

        var (_, response, _) = await LoginAsync(app);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var error = await ErrorAsync(response);
        Assert.Equal(502, error["code"]!.GetValue<int>());
        Assert.Equal("webhook failed with status code 403", error["message"]!.GetValue<string>());
        Assert.Equal(WebHookResponses.UpstreamImproper, error["reason"]!.GetValue<string>());
        Assert.Null((await response.JsonAsync())["session_token"]);
    }

    [SkippableFact]
    public async Task AfterLogin_ServerErrors_AreTriedThreeTimes_ThenFailWith500()
    {
        using var app = LoginApp(WebHookApp.Hook(_receiver.Url()));
        _receiver.Respond = (_, _) => new WebHookReceiver.Reply(503);

        var (_, response, _) = await LoginAsync(app);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var received = await _receiver.WaitForAsync(3);
        Assert.Equal(3, received.Count);
        Assert.Single(received.Select(r => r.Header("Ory-Webhook-Trigger-ID")).Distinct());
        Assert.Equal(3, received.Select(r => r.Header("Ory-Webhook-Request-ID")).Distinct().Count());
    }

    [SkippableFact]
    public async Task AfterLogin_ServerErrorThenSuccess_LogsIn()
    {
        using var app = LoginApp(WebHookApp.Hook(_receiver.Url()));
        _receiver.Respond = (n, _) => new WebHookReceiver.Reply(n == 1 ? 500 : 200);

        var (_, response, _) = await LoginAsync(app);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await _receiver.WaitForAsync(2)).Count);
    }

    [SkippableFact]
    public async Task AfterLogin_SlowHook_FailsWith504()
    {
        using var app = WebHookApp.Create(new JsonObject { ["login"] = WebHookApp.AfterPassword(WebHookApp.Hook(_receiver.Url())) }, _receiver,
            client: new WebHookClientSettings { AttemptTimeout = TimeSpan.FromMilliseconds(1500), Attempts = 2, FirstRetryWait = TimeSpan.FromMilliseconds(10) });
        // The timeout leaves room for a loaded machine to connect and send (both attempts must reach the receiver); the
        // receiver answers well after it.
        _receiver.Respond = (_, _) => new WebHookReceiver.Reply(204, Delay: TimeSpan.FromSeconds(6));

        var (_, response, _) = await LoginAsync(app);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        var error = await ErrorAsync(response);
        Assert.Equal(WebHookResponses.UpstreamUnreachable, error["reason"]!.GetValue<string>());
        Assert.Equal(2, (await _receiver.WaitForAsync(2)).Count);
    }

    [SkippableFact]
    public async Task AfterLogin_Interrupt_PutsTheHooksMessagesOnTheFlow()
    {
        using var app = LoginApp(WebHookApp.Hook(_receiver.Url(), response: Parse.DeepClone().AsObject()));
        _receiver.Respond = (_, _) => new WebHookReceiver.Reply(400, Interrupt);

        var (_, response, flow) = await LoginAsync(app);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var answered = (await response.JsonAsync()).AsObject();
        Assert.Equal(flow["id"]!.GetValue<string>(), answered["id"]!.GetValue<string>());
        var form = Assert.Single(answered["ui"]!["messages"]!.AsArray());
        Assert.Equal(4000001, form!["id"]!.GetValue<long>());
        Assert.Equal("Please try later", form["text"]!.GetValue<string>());
        Assert.Equal("info", form["type"]!.GetValue<string>());
        var node = answered["ui"]!["nodes"]!.AsArray().Single(n => n!["attributes"]!["name"]?.GetValue<string>() == "traits.email");
        var message = Assert.Single(node!["messages"]!.AsArray());
        Assert.Equal(10001, message!["id"]!.GetValue<long>());
        Assert.Equal("error", message["type"]!.GetValue<string>());
        Assert.Equal("blocked", message["context"]!["value"]!.GetValue<string>());
        Assert.Null(answered["session_token"]);
    }

    [SkippableFact]
    public async Task AfterLogin_Interrupt_SendsTheBrowserBackToTheLoginUi()
    {
        using var app = LoginApp(WebHookApp.Hook(_receiver.Url(), response: Parse.DeepClone().AsObject()));
        _receiver.Respond = (_, _) => new WebHookReceiver.Reply(422, Interrupt);
        var email = NewEmail();
        await app.Admin().CreateIdentityAsync(email, Password);
        var browser = new FlowClient(app, ClientKind.Browser);
        var flow = await browser.InitAsync("login");

        var response = await browser.SubmitAsync(flow, new() { ["method"] = "password", ["identifier"] = email, ["password"] = Password });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.StartsWith("http://localhost:4455/login?flow=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var shown = await browser.GetFlowAsync("login", flow["id"]!.GetValue<string>());
        Assert.Contains("10001", FlowClient.MessageIds(shown));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.WhoamiAsync()).StatusCode);
    }

    [SkippableFact]
    public async Task AfterLogin_InterruptWithoutMessages_FailsWith500()
    {
        using var app = LoginApp(WebHookApp.Hook(_receiver.Url(), response: Parse.DeepClone().AsObject()));
        _receiver.Respond = (_, _) => new WebHookReceiver.Reply(400, """{"messages":[]}""");

        var (_, response, _) = await LoginAsync(app);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [SkippableFact]
    public async Task AfterLogin_ParsedIdentity_ChangesTheAnsweredSession_ButNotTheStoredIdentity()
    {
        using var app = LoginApp(WebHookApp.Hook(_receiver.Url(), response: Parse.DeepClone().AsObject()));
        _receiver.Respond = (_, _) => new WebHookReceiver.Reply(200, """{"identity":{"metadata_public":{"plan":"gold"},"metadata_admin":{"crm":"42"}}}""");

        var (_, response, _) = await LoginAsync(app);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var identity = (await response.JsonAsync())["session"]!["identity"]!;
        Assert.Equal("gold", identity["metadata_public"]!["plan"]!.GetValue<string>());
        var stored = await (await app.Admin().GetAsync($"/admin/identities/{identity["id"]!.GetValue<string>()}")).JsonAsync();
        Assert.Null(stored["metadata_public"]);
        Assert.Null(stored["metadata_admin"]);
    }
}
