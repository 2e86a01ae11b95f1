using System.Text.Json.Nodes;
using Custos.Audit;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.SelfService.Hooks.WebHooks;

namespace Custos.IntegrationTests.Admin.Webhooks;

/// <summary>Two app instances on one database both work the delivery queue: each event reaches each subscription exactly once.</summary>
public sealed class EventWebhookNodesTests : IDisposable
{
    private const int Events = 40;
    private readonly WebHookReceiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    [SkippableTheory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task TwoNodes_DeliverEveryEventExactlyOnce(string database)
    {
        var dir = Directory.CreateTempSubdirectory("custos-event-webhooks-").FullName;
        var small = EventWebhookHost.Fast with { BatchSize = 4, PollInterval = TimeSpan.FromMilliseconds(20) };
        try
        {
            using var first = new EventWebhookHost(_receiver, postgres: database == "postgres", dsn: database == "sqlite" ? $"sqlite://{dir}/custos.db?_fk=true" : null, settings: small);
            Skip.If(first.Unavailable is not null, first.Unavailable);
            _ = first.Services;
            using var second = new EventWebhookHost(_receiver, dsn: first.Dsn ?? $"sqlite://{dir}/custos.db?_fk=true", settings: small);
            _ = second.Services;
            // A slow receiver keeps batches in flight on both nodes at once.
            _receiver.Respond = (_, _) => new WebHookReceiver.Reply(204, Delay: TimeSpan.FromMilliseconds(30));
            var webhook = await first.SubscribeAsync(_receiver.Url(), "*");
            var other = await second.SubscribeAsync(_receiver.Url("/other"), "login.*");

            var appended = new List<Guid>();
            for (var i = 0; i < Events; i++)
            {
                var node = i % 2 == 0 ? first : second;
                appended.Add((await node.AppendAsync(i % 4 == 0 ? AuditEventTypes.LoginFailed : AuditEventTypes.IdentityUpdated)).Id);
            }

            var logins = appended.Where((_, i) => i % 4 == 0).Select(g => g.ToString("D")).Order().ToList();
            await _receiver.WaitForAsync(Events + logins.Count, seconds: 60);
            await Task.Delay(1000);
            var all = _receiver.Requests.Where(r => r.Path == "/hook").Select(r => r.Header("webhook-id")!).Order().ToList();
            var onlyLogins = _receiver.Requests.Where(r => r.Path == "/other").Select(r => r.Header("webhook-id")!).Order().ToList();
            Assert.Equal(appended.Select(g => g.ToString("D")).Order(), all);
            Assert.Equal(logins, onlyLogins);
            var deliveries = await second.DeliveriesAsync(webhook["id"]!.GetValue<string>());
            Assert.Equal(Events, deliveries.Count);
            Assert.All(deliveries, d => Assert.Equal(1, d!["attempts"]!.GetValue<int>()));
            Assert.Equal(logins.Count, (await first.DeliveriesAsync(other["id"]!.GetValue<string>())).Count);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
