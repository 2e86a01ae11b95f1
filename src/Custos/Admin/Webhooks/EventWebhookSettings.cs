namespace Custos.Admin.Webhooks;

/// <summary>
/// How the event webhook worker drains its queue. Not in kratos.yml (Kratos has no event webhooks); tests shorten the
/// times. With the defaults a failing receiver is tried 12 times over about 5 hours before a delivery is abandoned.
/// </summary>
internal sealed record EventWebhookSettings
{
    /// <summary>How long the worker sleeps when the queue had nothing due.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Deliveries claimed at once; they are sent in parallel.</summary>
    public int BatchSize { get; init; } = 20;

    /// <summary>A claim's lifetime: well over one attempt, so only a dead worker's claims are taken over.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The wait after the first failed attempt; doubled after each further one, up to <see cref="LongestRetry"/>.</summary>
    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan LongestRetry { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Attempts before a delivery is abandoned.</summary>
    public int MaxAttempts { get; init; } = 12;

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> failed ones.</summary>
    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromTicks((long)Math.Min(LongestRetry.Ticks, FirstRetry.Ticks * Math.Pow(2, Math.Max(0, attempts - 1))));
}
