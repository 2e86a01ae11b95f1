using Custos.Persistence;

namespace Custos.Security.Throttling;

/// <summary>
/// Deletes counters whose window has ended, every few minutes on every node (the delete is idempotent, so nodes need
/// no coordination). Expired rows already read as absent; this only keeps the table as small as the live windows.
/// </summary>
internal sealed partial class ThrottleCleanupWorker(
    IServiceScopeFactory scopes, IDbConnectionFactory connections, TimeProvider clock, ILogger<ThrottleCleanupWorker> logger) : BackgroundService
{
    /// <summary>How long the worker sleeps between passes.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                connections.ClearPoolAfter(e);
                LogPassFailed(logger, e);
            }
        }
    }

    /// <summary>One pass; returns how many counters went.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IThrottleStore>();
        return await store.DeleteExpiredAsync(clock.GetUtcNow(), ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting expired throttling counters failed; the next pass retries")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
