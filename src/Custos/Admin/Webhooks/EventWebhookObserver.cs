using Custos.Audit;
using Custos.Hosting;

namespace Custos.Admin.Webhooks;

/// <summary>
/// Queues one delivery per matching subscription for every appended audit event, inside the appending transaction, so
/// an event and its deliveries commit or roll back together. Subscriptions are read on every event (one query on the
/// network's index of a small table) rather than cached: a webhook created or deleted on one node applies to the very
/// next event on every other node.
/// </summary>
internal sealed class EventWebhookObserver(IEventWebhookStore store, TimeProvider clock) : IAuditObserver
{
    public async Task OnAppendedAsync(AuditEvent auditEvent, CancellationToken ct)
    {
        var subscriptions = await store.ListAsync(ct);
        var matching = subscriptions.Where(w => EventPatterns.MatchesAny(w.Events, auditEvent.Type)).Select(w => w.Id).ToList();
        await store.EnqueueAsync(auditEvent.Id, matching, Clock.Now(clock), ct);
    }
}
