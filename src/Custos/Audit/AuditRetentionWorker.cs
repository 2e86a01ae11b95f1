using Custos.Config;
using Microsoft.Extensions.Options;

namespace Custos.Audit;

/// <summary>
/// Runs <see cref="AuditRetention"/> at start and then every hour (or every half retention when that is shorter, at
/// least every minute) while <c>audit.retention</c> is set. Several nodes may prune at once: each deletes a prefix of the
/// chain, so they never disagree.
/// </summary>
internal sealed class AuditRetentionWorker(
    IServiceScopeFactory scopes,
    IOptionsMonitor<CustosOptions> options,
    TimeProvider clock,
    ILogger<AuditRetentionWorker> logger) : BackgroundService
{
    private static readonly TimeSpan MaxInterval = TimeSpan.FromHours(1);
    private static readonly TimeSpan MinInterval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var retention = options.CurrentValue.Audit.Retention;
            if (retention is { } keep)
            {
                await PruneOnceAsync(keep, stoppingToken);
            }

            var interval = retention is { } r ? TimeSpan.FromTicks(Math.Clamp((r / 2).Ticks, MinInterval.Ticks, MaxInterval.Ticks)) : MaxInterval;
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PruneOnceAsync(TimeSpan retention, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var pruned = await scope.ServiceProvider.GetRequiredService<AuditRetention>().PruneAsync(retention, ct);
            if (pruned > 0)
            {
                AuditLogging.Pruned(logger, GoDuration.Format(retention), pruned, clock.GetUtcNow().UtcDateTime - retention);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            AuditLogging.PruneFailed(logger, e);
        }
    }
}
