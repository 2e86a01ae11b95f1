namespace Custos.Admin.Webhooks;

/// <summary>
/// The worker's side of the event delivery queue. Workers on any number of nodes claim deliveries under a lease (a
/// token and an expiry); a delivery is held by one claimer at a time, and a claim whose lease expired (its worker died)
/// is taken over. Every write after the claim names the lease, so a worker that lost it changes nothing.
/// </summary>
internal interface IEventDeliveryQueue
{
    /// <summary>
    /// Moves up to <paramref name="limit"/> claimable deliveries (queued and due, or processing under an expired lease),
    /// oldest first, to <c>processing</c> under <paramref name="leaseToken"/>, and returns them with target and event.
    /// </summary>
    Task<IReadOnlyList<ClaimedEventDelivery>> ClaimAsync(int limit, Guid leaseToken, TimeSpan leaseFor, CancellationToken ct);

    /// <summary>Marks a delivery held under <paramref name="leaseToken"/> delivered; false when the lease was lost.</summary>
    Task<bool> CompleteAsync(Guid id, Guid leaseToken, int responseStatus, CancellationToken ct);

    /// <summary>
    /// Records a failed attempt: attempts + 1, the error and the answer's status (if any), then queued again for
    /// <paramref name="retryAt"/>, or abandoned when it is null. False when the lease was lost.
    /// </summary>
    Task<bool> RecordFailureAsync(Guid id, Guid leaseToken, string error, int? responseStatus, DateTime? retryAt, CancellationToken ct);

    /// <summary>Puts every delivery still held under <paramref name="leaseToken"/> back to queued (a stopping worker).</summary>
    Task<int> ReleaseAsync(Guid leaseToken, CancellationToken ct);
}
