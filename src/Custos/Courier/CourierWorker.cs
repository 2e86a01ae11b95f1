using Custos.Config;
using Microsoft.Extensions.Options;

namespace Custos.Courier;

/// <summary>
/// The queue worker of <c>serve --watch-courier</c> and <c>courier watch</c>: every <c>courier.worker.pull_wait</c> it
/// runs one <see cref="CourierDispatcher"/> pass. A failing pass is logged and retried on the next tick.
/// </summary>
internal sealed class CourierWorker(CourierDispatcher dispatcher, IOptionsMonitor<CustosOptions> options, TimeProvider clock, ILogger<CourierWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        CourierLog.Started(logger, options.CurrentValue.Courier.Worker.PullWait);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DispatchBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                CourierLog.PassFailed(logger, e);
            }

            try
            {
                await Task.Delay(options.CurrentValue.Courier.Worker.PullWait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
