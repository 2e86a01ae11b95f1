namespace Custos.SelfService.Hooks.WebHooks.Deliveries;

/// <summary>
/// The durable queue of <c>response.ignore</c> web hooks. Workers on any number of nodes claim deliveries under a
/// lease (a token and an expiry); a delivery is handed to one claimer at a time, and a claim whose lease expired (its
/// worker died) is taken over. Each method is one statement or one short transaction; none is held across a request.
/// </summary>
internal interface IWebHookDeliveryStore
{
    /// <summary>Adds a delivery; joins the scope's open transaction, so a flow that rolls back queues nothing.</summary>
    Task EnqueueAsync(WebHookDelivery delivery, CancellationToken ct);

    /// <summary>The delivery with this id, or null (unknown, or delivered and deleted).</summary>
    Task<WebHookDelivery?> GetAsync(Guid id, CancellationToken ct);

    /// <summary>
    /// Moves up to <paramref name="limit"/> claimable deliveries (queued and due, or processing under an expired lease),
    /// oldest first, to <c>processing</c> under <paramref name="leaseToken"/> for <paramref name="leaseFor"/>, and returns them.
    /// </summary>
    Task<IReadOnlyList<WebHookDelivery>> ClaimAsync(int limit, Guid leaseToken, TimeSpan leaseFor, CancellationToken ct);

    /// <summary>Deletes a delivered request still held under <paramref name="leaseToken"/>; false when the lease was lost.</summary>
    Task<bool> CompleteAsync(Guid id, Guid leaseToken, CancellationToken ct);

    /// <summary>
    /// Records a failed attempt of a delivery held under <paramref name="leaseToken"/>: attempts + 1 and
    /// <paramref name="error"/>, then queued again for <paramref name="retryAt"/>, or abandoned (request blanked) when
    /// it is null. False when the lease was lost.
    /// </summary>
    Task<bool> RecordFailureAsync(Guid id, Guid leaseToken, string error, DateTime? retryAt, CancellationToken ct);

    /// <summary>Puts every delivery still held under <paramref name="leaseToken"/> back to queued (a stopping worker); returns how many.</summary>
    Task<int> ReleaseAsync(Guid leaseToken, CancellationToken ct);
}
