using System.Text.Json.Nodes;
using Custos.Audit;
using Custos.IntegrationTests.SelfService.Hooks.WebHooks;

namespace Custos.IntegrationTests.Admin.Webhooks;

/// <summary>
/// Event webhooks obey the outbound-address rules of flow web hooks (<c>clients.http</c>): a host that resolves to a
/// private address is refused at delivery (abandoned, never connected to) unless exempted or allowed.
/// </summary>
public sealed class EventWebhookGuardTests : IDisposable
{
    private readonly WebHookReceiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    [SkippableFact]
    public async Task AHostResolvingToLoopback_IsRefused_AndNeverReached()
    {
        using var app = new EventWebhookHost(_receiver, allowLoopback: false);
        var id = (await app.SubscribeAsync($"http://localhost:{_receiver.Port}/hook", "*"))["id"]!.GetValue<string>();

        await app.AppendAsync(AuditEventTypes.IdentityCreated);

        var delivery = Assert.Single(await app.SettledDeliveriesAsync(id, 1))!;
        Assert.Equal("abandoned", delivery["status"]!.GetValue<string>());
        Assert.Equal(1, delivery["attempts"]!.GetValue<int>());
        Assert.Contains("not public", delivery["last_error"]!.GetValue<string>());
        Assert.Null(delivery["response_status"]);
        Assert.Empty(_receiver.Requests);
    }

    [SkippableFact]
    public async Task ExplicitlyAllowingPrivateRanges_ReachesLoopback()
    {
        using var app = new EventWebhookHost(_receiver, allowLoopback: false, clientsHttp: new JsonObject { ["disallow_private_ip_ranges"] = false });
        await app.SubscribeAsync(_receiver.Url(), "*");

        await app.AppendAsync(AuditEventTypes.IdentityCreated);

        Assert.Single(await _receiver.WaitForAsync(1));
    }
}
