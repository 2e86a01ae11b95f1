namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>
/// Kratos's web-hook HTTP client: each attempt may take <see cref="AttemptTimeout"/> (30 s), and a request is tried up
/// to <see cref="Attempts"/> times (2 retries) on connection errors, time-outs, 429 and 5xx except 501, waiting
/// <see cref="FirstRetryWait"/> doubled each time. Kratos has no configuration keys for these; tests shorten them.
/// </summary>
internal sealed record WebHookClientSettings
{
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public int Attempts { get; init; } = 3;
    public TimeSpan FirstRetryWait { get; init; } = TimeSpan.FromSeconds(1);
}
