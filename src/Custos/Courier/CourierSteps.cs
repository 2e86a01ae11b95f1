using Custos.Persistence;

namespace Custos.Courier;

/// <summary>
/// Runs each step of the courier (claim, begin a send, record it, renew a lease, release) in its own scope, so it takes
/// a pooled connection and gives it back at once: no connection is held across a send, and a connection lost during a
/// send costs nothing but a retry on a new one. <see cref="RetryAsync{T}"/> retries a step until the database answers.
/// </summary>
internal sealed class CourierSteps(IServiceScopeFactory scopes, IDbConnectionFactory connections, TimeProvider clock, ILogger<CourierSteps> logger)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(2);

    /// <summary>How long a step that must not be lost (the record of a send) is still retried once the worker stops.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="step"/> once on a fresh store.</summary>
    public async Task<T> RunAsync<T>(Func<ICourierMessageStore, CancellationToken, Task<T>> step, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await step(scope.ServiceProvider.GetRequiredService<ICourierMessageStore>(), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            connections.ClearPoolAfter(e);
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="step"/> until it succeeds, each attempt on a fresh store and connection, waiting 0.1 s, then
    /// up to 2 s between attempts. Steps must be idempotent. Once <paramref name="stopping"/> is cancelled it gives up at
    /// once (<see cref="OperationCanceledException"/>), or with <paramref name="finishWhenStopping"/> after
    /// <see cref="StopGrace"/> more (rethrowing the last failure). The step itself is never cancelled half-way.
    /// </summary>
    public async Task<T> RetryAsync<T>(Func<ICourierMessageStore, CancellationToken, Task<T>> step, bool finishWhenStopping, CancellationToken stopping)
    {
        var delay = FirstDelay;
        DateTimeOffset? giveUpAt = null;
        for (var attempt = 1; ; attempt++)
        {
            if (stopping.IsCancellationRequested && !finishWhenStopping)
            {
                throw new OperationCanceledException(stopping);
            }

            try
            {
                return await RunAsync(step, CancellationToken.None);
            }
            catch (Exception e)
            {
                CourierLog.StepFailed(logger, attempt, e.GetType().Name, e.Message);
                if (stopping.IsCancellationRequested)
                {
                    giveUpAt ??= clock.GetUtcNow() + StopGrace;
                    if (!finishWhenStopping || clock.GetUtcNow() >= giveUpAt)
                    {
                        throw;
                    }
                }
            }

            await Task.Delay(delay, clock, finishWhenStopping ? CancellationToken.None : stopping);
            delay = TimeSpan.FromTicks(Math.Min(LongestDelay.Ticks, delay.Ticks * 2));
        }
    }

    /// <inheritdoc cref="RetryAsync{T}"/>
    public Task RetryAsync(Func<ICourierMessageStore, CancellationToken, Task> step, bool finishWhenStopping, CancellationToken stopping) =>
        RetryAsync<bool>(async (s, c) => { await step(s, c); return true; }, finishWhenStopping, stopping);
}
