namespace Custos.Courier;

/// <summary>
/// Persists the courier queue. Claiming is safe across concurrent workers and nodes: a queued message is handed to
/// at most one claimer, which moves it to <c>processing</c>. Methods return null for not-found.
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
    /// Atomically moves up to <paramref name="limit"/> of the oldest queued messages whose retry delay has passed to
    /// <c>processing</c> and returns them, oldest first. Messages another claimer holds are skipped, never returned twice.
    /// </summary>
    Task<IReadOnlyList<CourierMessage>> ClaimAsync(int limit, CancellationToken ct);

    /// <summary>Counts one successful dispatch: status <c>sent</c>, send count + 1.</summary>
    Task MarkSentAsync(Guid id, CancellationToken ct);

    /// <summary>
    /// Counts one failed dispatch: send count + 1, then back to <c>queued</c> (not claimable before
    /// <paramref name="retryAfter"/> has passed), or <c>abandoned</c> once the send count exceeds
    /// <paramref name="messageRetries"/> (<c>courier.message_retries</c>). Returns the new status, null when unknown.
    /// </summary>
    Task<string?> RecordFailureAsync(Guid id, int messageRetries, TimeSpan retryAfter, CancellationToken ct);

    /// <summary>Counts one failed dispatch that retrying cannot fix (an SMTP 5xx answer): send count + 1, status <c>abandoned</c>.</summary>
    Task AbandonAsync(Guid id, CancellationToken ct);

    /// <summary>Records one dispatch attempt (<c>courier_message_dispatches</c>): <c>success</c>, or <c>failed</c> with the error as a JSON object.</summary>
    Task RecordDispatchAsync(Guid messageId, string status, string? errorJson, CancellationToken ct);

    /// <summary>Puts a claimed message back to <c>queued</c> without counting an attempt (a batch cut short).</summary>
    Task RequeueAsync(Guid id, CancellationToken ct);
}
