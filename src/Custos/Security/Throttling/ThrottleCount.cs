namespace Custos.Security.Throttling;

/// <summary>A counter's state in its live window: <paramref name="Count"/> events until <paramref name="ExpiresAt"/>.</summary>
internal sealed record ThrottleCount(ThrottleKey Key, int Count, DateTimeOffset ExpiresAt)
{
    /// <summary>Whether the key has used up its rule's limit: the next event is refused.</summary>
    public bool Exhausted => Count >= Key.Rule.Limit;

    /// <summary>
    /// Whether this count is the one that used the limit up. Counts only rise one at a time within a window, so exactly
    /// one event per window and key sees it: where a block is reported (audited) once, not per refused attempt.
    /// </summary>
    public bool JustExhausted => Count == Key.Rule.Limit;

    /// <summary>The <c>Retry-After</c> seconds at <paramref name="now"/>: until the window ends, at least 1.</summary>
    public int RetryAfterSeconds(DateTimeOffset now) => Math.Max(1, (int)Math.Ceiling((ExpiresAt - now).TotalSeconds));
}
