using System.Text.Json.Nodes;
using Custos.Audit;
using Custos.IntegrationTests.SelfService.Hooks.WebHooks;
using Custos.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.Admin.Webhooks;

/// <summary>
/// Delivery of audit events to subscriptions: signed the Standard Webhooks way, retried with backoff until a 2xx,
/// once per subscription and event, only for matching patterns, queued in the appending transaction, and shown by
/// <c>GET /admin/webhooks/{id}/deliveries</c>.
/// </summary>
public sealed class EventWebhookDeliveryTests : IDisposable
{
    private readonly WebHookReceiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    [SkippableFact]
    public async Task EverySubscribedEvent_ArrivesOnceSigned_DespiteTheReceiverFailingTwice()
    {
        using var app = new EventWebhookHost(_receiver);
        var webhook = await app.SubscribeAsync(_receiver.Url(), "identity.*");
        var secret = webhook["secret"]!.GetValue<string>();
        // Each event's first two attempts fail (500), the third is taken.
        var attemptsPerEvent = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        _receiver.Respond = (_, r) => new WebHookReceiver.Reply(attemptsPerEvent.AddOrUpdate(r.Header("webhook-id")!, 1, (_, n) => n + 1) <= 2 ? 500 : 204);
        var identityId = Guid.NewGuid();

        var created = await app.AppendAsync(AuditEventTypes.IdentityCreated, identityId);
        var updated = await app.AppendAsync(AuditEventTypes.IdentityUpdated, identityId);
        await app.AppendAsync(AuditEventTypes.LoginSucceeded, identityId);

        var deliveries = await app.SettledDeliveriesAsync(webhook["id"]!.GetValue<string>(), 2);
        await Task.Delay(500);
        var received = _receiver.Requests.ToList();
        Assert.Equal(6, received.Count);
        Assert.All(received, r => Assert.True(EventWebhookHost.SignatureIsValid(secret, r), $"bad signature on {r.Body}"));
        Assert.All(received, r => Assert.Equal(r.Header("webhook-id"), r.Json["id"]!.GetValue<string>()));
        Assert.All(received, r => Assert.StartsWith("application/json", r.Header("Content-Type")));
        Assert.Equal(
            new[] { created.Id.ToString("D"), updated.Id.ToString("D") }.Order(),
            received.Select(r => r.Header("webhook-id")!).Distinct().Order());
        var body = received.Last(r => r.Header("webhook-id") == created.Id.ToString("D")).Json;
        Assert.Equal("identity.created", body["type"]!.GetValue<string>());
        Assert.Equal(identityId.ToString("D"), body["identity_id"]!.GetValue<string>());
        Assert.Equal("identity", body["actor"]!["kind"]!.GetValue<string>());
        Assert.Equal(identityId.ToString("D"), body["actor"]!["id"]!.GetValue<string>());
        Assert.Equal("password", body["details"]!["method"]!.GetValue<string>());
        Assert.True(body.ContainsKey("occurred_at") && body.ContainsKey("session_id") && body.ContainsKey("ip_address") && body.ContainsKey("user_agent"));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.All(received, r => Assert.InRange(long.Parse(r.Header("webhook-timestamp")!, System.Globalization.CultureInfo.InvariantCulture), now - 60, now + 1));

        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d =>
        {
            Assert.Equal("delivered", d!["status"]!.GetValue<string>());
            Assert.Equal(3, d["attempts"]!.GetValue<int>());
            Assert.Equal(204, d["response_status"]!.GetValue<int>());
            Assert.Equal("the webhook answered 500", d["last_error"]!.GetValue<string>());
            Assert.StartsWith("identity.", d["event_type"]!.GetValue<string>());
        });
    }

    [SkippableFact]
    public async Task Retries_WaitLongerEachTime()
    {
        using var app = new EventWebhookHost(_receiver);
        await app.SubscribeAsync(_receiver.Url(), "*");
        _receiver.Respond = (n, _) => new WebHookReceiver.Reply(n <= 3 ? 503 : 200);

        await app.AppendAsync(AuditEventTypes.SessionRevoked);

        var received = await _receiver.WaitForAsync(4);
        Assert.Equal(4, received.Count);
        var gaps = received.Zip(received.Skip(1), (a, b) => b.At - a.At).ToList();
        for (var i = 0; i < gaps.Count; i++)
        {
            Assert.True(gaps[i] >= EventWebhookHost.Fast.RetryDelay(i + 1) - TimeSpan.FromMilliseconds(20), $"retry {i + 1} after {gaps[i]}");
        }
    }

    [SkippableFact]
    public async Task Patterns_ChooseTheSubscriptions()
    {
        using var app = new EventWebhookHost(_receiver);
        await app.SubscribeAsync(_receiver.Url("/all"), "*");
        await app.SubscribeAsync(_receiver.Url("/login"), "login.*");
        await app.SubscribeAsync(_receiver.Url("/deleted"), "identity.deleted", "session.revoked");

        await app.AppendAsync(AuditEventTypes.IdentityDeleted);
        await app.AppendAsync(AuditEventTypes.LoginFailed);
        await app.AppendAsync(AuditEventTypes.LoginSucceeded);
        await app.AppendAsync(AuditEventTypes.RegistrationSucceeded);

        await _receiver.WaitForAsync(7);
        await Task.Delay(500);
        string[] Types(string path) => _receiver.Requests.Where(r => r.Path == path).Select(r => r.Json["type"]!.GetValue<string>()).Order().ToArray();
        Assert.Equal(["identity.deleted", "login.failed", "login.succeeded", "registration.succeeded"], Types("/all"));
        Assert.Equal(["login.failed", "login.succeeded"], Types("/login"));
        Assert.Equal(["identity.deleted"], Types("/deleted"));
    }

    [SkippableFact]
    public async Task AnEventRolledBackWithItsAction_QueuesNothing()
    {
        using var app = new EventWebhookHost(_receiver);
        await app.SubscribeAsync(_receiver.Url(), "*");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            var log = scope.ServiceProvider.GetRequiredService<IAuditLog>();
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.RunInTransactionAsync(async ct =>
            {
                await log.AppendAsync(new AuditEntry(AuditEventTypes.IdentityCreated), ct);
                throw new InvalidOperationException("the audited action failed");
            }, CancellationToken.None));
        }

        await Task.Delay(500);
        Assert.Empty(_receiver.Requests);
        Assert.Equal(0L, await app.QueryScalarAsync<long>("SELECT COUNT(*) FROM event_webhook_deliveries"));
    }

    [SkippableFact]
    public async Task ASlowAnswer_TimesOut_AndIsTriedAgain()
    {
        using var app = new EventWebhookHost(_receiver, settings: EventWebhookHost.Fast with { AttemptTimeout = TimeSpan.FromMilliseconds(500) });
        var id = (await app.SubscribeAsync(_receiver.Url(), "*"))["id"]!.GetValue<string>();
        _receiver.Respond = (n, _) => new WebHookReceiver.Reply(204, Delay: n == 1 ? TimeSpan.FromSeconds(3) : TimeSpan.Zero);

        await app.AppendAsync(AuditEventTypes.VerificationSucceeded);

        var delivery = Assert.Single(await app.SettledDeliveriesAsync(id, 1))!;
        Assert.Equal("delivered", delivery["status"]!.GetValue<string>());
        Assert.Equal(2, delivery["attempts"]!.GetValue<int>());
        Assert.Contains("did not answer within 0.5 s", delivery["last_error"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task AfterMaxAttempts_TheDeliveryIsAbandoned()
    {
        using var app = new EventWebhookHost(_receiver, settings: EventWebhookHost.Fast with { MaxAttempts = 3 });
        var id = (await app.SubscribeAsync(_receiver.Url(), "*"))["id"]!.GetValue<string>();
        _receiver.Respond = (_, _) => new WebHookReceiver.Reply(500);

        await app.AppendAsync(AuditEventTypes.RecoverySucceeded);

        var delivery = Assert.Single(await app.SettledDeliveriesAsync(id, 1))!;
        Assert.Equal("abandoned", delivery["status"]!.GetValue<string>());
        Assert.Equal(3, delivery["attempts"]!.GetValue<int>());
        Assert.Equal(500, delivery["response_status"]!.GetValue<int>());
        Assert.Null(delivery["next_attempt_at"]);
        await Task.Delay(300);
        Assert.Equal(3, _receiver.Requests.Count);
    }

    [SkippableFact]
    public async Task ADeletedSubscription_GetsNoMoreEvents()
    {
        using var app = new EventWebhookHost(_receiver);
        var id = (await app.SubscribeAsync(_receiver.Url(), "*"))["id"]!.GetValue<string>();
        await app.AppendAsync(AuditEventTypes.LoginFailed);
        await _receiver.WaitForAsync(1);

        await app.Admin().DeleteAsync($"/admin/webhooks/{id}");
        await app.AppendAsync(AuditEventTypes.LoginFailed);

        await Task.Delay(500);
        Assert.Single(_receiver.Requests);
    }
}
