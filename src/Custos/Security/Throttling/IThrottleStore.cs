namespace Custos.Security.Throttling;

/// <summary>
/// The shared counters of <c>security.throttling</c> in the <c>throttle_counters</c> table, so every node sees the same
/// counts. Windows are fixed: a counter's window starts with its first event and lasts the rule's window; an event
/// after it starts a new window at 1. Expired rows read as absent and are deleted in the background. Scoped: it goes
/// through the request's <c>DbSession</c>; call it outside a flow transaction, so that a rolled-back flow does not
/// take its count with it and no SQLite write lock is held longer than the statement.
/// </summary>
internal interface IThrottleStore
{
    /// <summary>The live counters among <paramref name="keys"/> (absent or expired keys are left out). One statement.</summary>
    Task<IReadOnlyList<ThrottleCount>> ReadAsync(IReadOnlyList<ThrottleKey> keys, DateTimeOffset now, CancellationToken ct);

    /// <summary>Counts one event on each key, whatever its limit; returns the counters after it. One statement.</summary>
    Task<IReadOnlyList<ThrottleCount>> IncrementAsync(IReadOnlyList<ThrottleKey> keys, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Check-and-count: counts one event on <paramref name="key"/> unless its live window already holds the rule's limit.
    /// One statement when allowed (an upsert that returns the count); a refusal reads the window's end with a second.
    /// </summary>
    Task<ThrottleTake> TryTakeAsync(ThrottleKey key, DateTimeOffset now, CancellationToken ct);

    /// <summary>Deletes the counters of <paramref name="keys"/>; returns how many rows went.</summary>
    Task<int> DeleteAsync(IReadOnlyList<ThrottleKey> keys, CancellationToken ct);

    /// <summary>Deletes every counter whose subject is one of <paramref name="subjects"/> (lifting a lockout); returns how many rows went.</summary>
    Task<int> ClearSubjectsAsync(IReadOnlyList<string> subjects, CancellationToken ct);

    /// <summary>Deletes counters whose window ended before <paramref name="now"/>; returns how many rows went.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset now, CancellationToken ct);
}
