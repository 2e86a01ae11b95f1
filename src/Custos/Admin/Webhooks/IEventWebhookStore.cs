namespace Custos.Admin.Webhooks;

/// <summary>Webhook subscriptions and the deliveries queued for them (scoped: it writes through the request's <c>DbSession</c>).</summary>
internal interface IEventWebhookStore
{
    /// <summary>Stores a subscription with its signing secret already sealed (<see cref="EventWebhookSecrets"/>).</summary>
    Task CreateAsync(EventWebhook webhook, string sealedSecret, CancellationToken ct);

    /// <summary>Every subscription of the network, oldest first.</summary>
    Task<IReadOnlyList<EventWebhook>> ListAsync(CancellationToken ct);

    Task<EventWebhook?> GetAsync(Guid id, CancellationToken ct);

    /// <summary>Deletes a subscription and its deliveries; false when it did not exist.</summary>
    Task<bool> DeleteAsync(Guid id, CancellationToken ct);

    /// <summary>
    /// Queues one delivery of <paramref name="eventId"/> for each of <paramref name="webhookIds"/>, in the scope's open
    /// transaction; a delivery that already exists for the pair is left alone (once per subscription).
    /// </summary>
    Task EnqueueAsync(Guid eventId, IReadOnlyCollection<Guid> webhookIds, DateTime now, CancellationToken ct);

    /// <summary>The newest <paramref name="limit"/> deliveries of a subscription, newest first.</summary>
    Task<IReadOnlyList<EventDelivery>> ListDeliveriesAsync(Guid webhookId, int limit, CancellationToken ct);
}
