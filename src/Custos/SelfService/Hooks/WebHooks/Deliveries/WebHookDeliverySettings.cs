namespace Custos.SelfService.Hooks.WebHooks.Deliveries;

/// <summary>
/// How the delivery worker drains the queue of <c>response.ignore</c> web hooks. Kratos fires these once in a
/// goroutine (three quick attempts, lost on a restart); Custos keeps them until delivered, with backoff. Not
/// configurable in kratos.yml; tests shorten the times.
/// </summary>
internal sealed record WebHookDeliverySettings
{
    /// <summary>How long the worker sleeps when the queue had nothing due.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Deliveries claimed at once; they are sent in parallel.</summary>
    public int BatchSize { get; init; } = 10;

    /// <summary>A claim's lifetime: well over one attempt (30 s), so only a dead worker's claims are taken over.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait after the first failed attempt; tripled after each further one, up to <see cref="LongestRetry"/>.</summary>
    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan LongestRetry { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Attempts before a delivery is abandoned (about 40 minutes of trying with the default waits).</summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> failed ones.</summary>
    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromTicks((long)Math.Min(LongestRetry.Ticks, FirstRetry.Ticks * Math.Pow(3, Math.Max(0, attempts - 1))));
}
