namespace Custos.Courier;

/// <summary>
/// Persists the courier queue. A worker claims messages under a lease (a token and an expiry that the worker renews);
/// a queued message is handed to at most one claimer, and a claim whose lease expired is taken over by the next one.
/// Each method is one short statement or transaction, so no caller needs to hold a connection across a send.
/// Methods return null for not-found.
/// </summary>
internal interface ICourierMessageStore
{
    /// <summary>Inserts a message as given (normally with status <c>queued</c> and a send count of 0).</summary>
    Task EnqueueAsync(CourierMessage message, CancellationToken ct);

    /// <summary>The message with this id, with its dispatch attempts (newest first); null when unknown.</summary>
    Task<CourierMessage?> GetAsync(Guid id, CancellationToken ct);

    /// <summary>One keyset page of messages (<c>created_at</c> desc, then id desc).</summary>
    Task<IReadOnlyList<CourierMessage>> ListAsync(CourierListQuery query, CancellationToken ct);

    /// <summary>
    /// Atomically moves up to <paramref name="limit"/> of the oldest claimable messages to <c>processing</c> under the
    /// lease <paramref name="leaseToken"/>, which expires after <paramref name="leaseFor"/> unless renewed, and returns
    /// them, oldest first. Claimable are queued messages whose retry delay has passed and processing messages whose lease
    /// expired before their send began. Messages another claimer holds are skipped, never returned twice.
    /// </summary>
    Task<IReadOnlyList<CourierMessage>> ClaimAsync(int limit, Guid leaseToken, TimeSpan leaseFor, CancellationToken ct);

    /// <summary>Extends every message still held under <paramref name="leaseToken"/> to expire <paramref name="leaseFor"/> from now; returns how many.</summary>
    Task<int> RenewLeaseAsync(Guid leaseToken, TimeSpan leaseFor, CancellationToken ct);

    /// <summary>
    /// Records that the send of a claimed message begins: true when the message is still held under an unexpired
    /// <paramref name="leaseToken"/> and no send began yet; false when the lease was lost (then the caller must not send).
    /// Once begun, the message is not claimed again under another lease: a send begun but never recorded is uncertain
    /// (see <see cref="RequeueUncertainAsync"/>).
    /// </summary>
    Task<bool> BeginSendAsync(Guid id, Guid leaseToken, CancellationToken ct);

    /// <summary>
    /// Records a successful send in one transaction: status <c>sent</c>, send count + 1, a <c>success</c> dispatch.
    /// Idempotent: a message already <c>sent</c> is left as it is, so the record can be retried after a lost connection.
    /// </summary>
    Task RecordSentAsync(Guid id, CancellationToken ct);

    /// <summary>
    /// Records a failed send of a message held under <paramref name="leaseToken"/> in one transaction: send count + 1, a
    /// <c>failed</c> dispatch with <paramref name="errorJson"/>, then back to <c>queued</c> (not claimable before
    /// <paramref name="retryAfter"/> has passed), or <c>abandoned</c> once the send count exceeds
    /// <paramref name="messageRetries"/> (<c>courier.message_retries</c>). Returns the new status; null when the message
    /// is unknown or no longer held under that lease (nothing is changed, so a retried record counts once).
    /// </summary>
    Task<string?> RecordFailureAsync(Guid id, Guid leaseToken, int messageRetries, TimeSpan retryAfter, string errorJson, CancellationToken ct);

    /// <summary>
    /// Records a failed send that retrying cannot fix (an SMTP 5xx answer) of a message held under
    /// <paramref name="leaseToken"/>: send count + 1, status <c>abandoned</c>, a <c>failed</c> dispatch. False when the
    /// message is no longer held under that lease.
    /// </summary>
    Task<bool> AbandonAsync(Guid id, Guid leaseToken, string errorJson, CancellationToken ct);

    /// <summary>
    /// Resolves the messages whose send began under a lease that then expired without a record (the worker died during
    /// the send, so it is unknown whether the mail went out): send count + 1, a <c>failed</c> dispatch carrying
    /// <paramref name="errorJson"/>, then back to <c>queued</c> at once (sent again, with the same Message-ID), or
    /// <c>abandoned</c> once the send count exceeds <paramref name="messageRetries"/>. A record of the worker that sent,
    /// arriving later, still wins. Returns their ids.
    /// </summary>
    Task<IReadOnlyList<Guid>> RequeueUncertainAsync(string errorJson, int messageRetries, CancellationToken ct);

    /// <summary>Records one dispatch attempt (<c>courier_message_dispatches</c>): <c>success</c>, or <c>failed</c> with the error as a JSON object.</summary>
    Task RecordDispatchAsync(Guid messageId, string status, string? errorJson, CancellationToken ct);

    /// <summary>
    /// Puts every message held under <paramref name="leaseToken"/> whose send has not begun back to <c>queued</c>,
    /// without counting an attempt (a batch cut short); returns how many.
    /// </summary>
    Task<int> ReleaseAsync(Guid leaseToken, CancellationToken ct);
}
