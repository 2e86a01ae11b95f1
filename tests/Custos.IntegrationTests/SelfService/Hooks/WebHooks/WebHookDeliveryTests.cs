using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.SelfService.AddressFlows;
using Custos.SelfService.Hooks.WebHooks.Deliveries;

namespace Custos.IntegrationTests.SelfService.Hooks.WebHooks;

/// <summary>
/// <c>web_hook</c> after registration, settings and recovery, and <c>response.ignore</c>: queued in the database,
/// delivered in the background with backoff, and still delivered after the server restarts.
/// </summary>
public sealed class WebHookDeliveryTests : IDisposable
{
    private const string Password = "correct horse battery staple";
    private readonly WebHookReceiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    private static string NewEmail() => $"{Guid.NewGuid():N}@example.com";

    private static readonly JsonObject SessionHook = new() { ["hook"] = "session" };

    private static JsonObject RegistrationAfter(JsonObject hook) => WebHookApp.AfterPassword(hook, SessionHook.DeepClone().AsObject());

    [SkippableFact]
    public async Task AfterRegistration_SeesTheStoredIdentity_WithoutASession()
    {
        using var app = WebHookApp.Create(new JsonObject { ["registration"] = RegistrationAfter(WebHookApp.Hook(_receiver.Url())) }, _receiver);
        var client = new FlowClient(app, ClientKind.Api);

        var response = await client.RegisterAsync(NewEmail(), Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var identityId = (await response.JsonAsync())["identity"]!["id"]!.GetValue<string>();
        var ctx = Assert.Single(await _receiver.WaitForAsync(1)).Json;
        Assert.Equal(identityId, ctx["identity_id"]!.GetValue<string>());
        Assert.Null(ctx["session_id"]);
    }

    [SkippableFact]
    public async Task AfterRegistration_RejectingHook_FailsTheRegistration()
    {
        using var app = WebHookApp.Create(new JsonObject { ["registration"] = RegistrationAfter(WebHookApp.Hook(_receiver.Url())) }, _receiver);
        _receiver.Respond = (_, _) => new WebHookReceiver.Reply(409);

        var response = await new FlowClient(app, ClientKind.Api).RegisterAsync(NewEmail(), Password);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
    }

    [SkippableFact]
    public async Task AfterSettings_SeesTheChangedIdentity_AndTheSession()
    {
        using var app = WebHookApp.Create(new JsonObject { ["settings"] = new JsonObject { ["after"] = new JsonObject { ["hooks"] = new JsonArray(WebHookApp.Hook(_receiver.Url())) } } }, _receiver);
        var email = NewEmail();
        await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, ClientKind.Api);
        await client.LoginAsync(email, Password);
        var flow = await client.InitAsync("settings");

        var response = await client.SubmitAsync(flow, new() { ["method"] = "profile", ["traits.email"] = email, ["traits.name.first"] = "Ada" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ctx = Assert.Single(await _receiver.WaitForAsync(1)).Json;
        Assert.Equal("Ada", ctx["traits"]!["name"]!["first"]!.GetValue<string>());
        Assert.NotNull(ctx["session_id"]);
    }

    [SkippableFact]
    public async Task AfterRecovery_SeesTheIdentity()
    {
        using var app = WebHookApp.Create(
            new JsonObject { ["recovery"] = new JsonObject { ["enabled"] = true, ["ui_url"] = "http://localhost:4455/recovery", ["after"] = new JsonObject { ["hooks"] = new JsonArray(WebHookApp.Hook(_receiver.Url())) } } },
            _receiver, configure: root => root["secrets"] = new JsonObject { ["default"] = new JsonArray("a-default-secret-of-32-characters") });
        var email = NewEmail();
        var identity = await app.Admin().CreateIdentityAsync(email, Password);
        var browser = new FlowClient(app, ClientKind.Browser);
        var flow = await browser.InitAsync("recovery");
        Assert.Equal(HttpStatusCode.SeeOther, (await browser.SubmitAsync(flow, new() { ["method"] = "code", ["email"] = email })).StatusCode);
        flow = await browser.GetFlowAsync("recovery", flow["id"]!.GetValue<string>());

        var used = await browser.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = await app.LatestCodeAsync(email) });

        Assert.Equal(HttpStatusCode.SeeOther, used.StatusCode);
        var ctx = Assert.Single(await _receiver.WaitForAsync(1)).Json;
        Assert.Equal(identity["id"]!.GetValue<string>(), ctx["identity_id"]!.GetValue<string>());
        Assert.Equal(flow["id"]!.GetValue<string>(), ctx["flow_id"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task IgnoredHook_NeverHoldsTheFlow_AndIsRetriedWithBackoffUntilDelivered()
    {
        using var app = WebHookApp.Create(
            new JsonObject { ["registration"] = RegistrationAfter(WebHookApp.Hook(_receiver.Url(), response: new JsonObject { ["ignore"] = true })) }, _receiver);
        _receiver.Respond = (n, _) => new WebHookReceiver.Reply(n <= 2 ? 500 : 204);

        var response = await new FlowClient(app, ClientKind.Api).RegisterAsync(NewEmail(), Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = await _receiver.WaitForAsync(3);
        Assert.Equal(3, received.Count);
        Assert.Single(received.Select(r => r.Header("Ory-Webhook-Trigger-ID")).Distinct());
        var gaps = received.Zip(received.Skip(1), (a, b) => b.At - a.At).ToList();
        Assert.True(gaps[0] >= WebHookApp.Fast.RetryDelay(1), $"first retry after {gaps[0]}");
        Assert.True(gaps[1] >= WebHookApp.Fast.RetryDelay(2), $"second retry after {gaps[1]}");
        var trigger = Guid.Parse(received[0].Header("Ory-Webhook-Trigger-ID")!);
        Assert.Null(await app.WithDeliveryStoreAsync(s => s.GetAsync(trigger, CancellationToken.None)));
    }

    [SkippableFact]
    public async Task IgnoredHook_QueuedBeforeARestart_IsDeliveredByTheNextServer()
    {
        var dir = Directory.CreateTempSubdirectory("custos-hook-restart-").FullName;
        var dsn = $"sqlite://{dir}/custos.db?_fk=true";
        var port = _receiver.Port;
        _receiver.Dispose();
        var flows = new JsonObject { ["registration"] = RegistrationAfter(WebHookApp.Hook($"http://127.0.0.1:{port}/hook", response: new JsonObject { ["ignore"] = true })) };
        try
        {
            // The first server queues the request but its worker would only look again in an hour: then it stops.
            using (var first = WebHookApp.Create(flows, port: port, dsn: dsn, delivery: WebHookApp.Fast with { PollInterval = TimeSpan.FromHours(1) }))
            {
                Assert.Equal(HttpStatusCode.OK, (await new FlowClient(first, ClientKind.Api).RegisterAsync(NewEmail(), Password)).StatusCode);
            }

            using var receiver = new WebHookReceiver(port);
            using var second = WebHookApp.Create(flows, receiver, dsn: dsn);
            _ = second.Services;

            var received = await receiver.WaitForAsync(1);

            Assert.Single(received);
            Assert.NotNull(received[0].Json["identity_id"]);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
