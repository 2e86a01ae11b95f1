using Custos.Hosting;
using Custos.Persistence;

namespace Custos.SelfService.Hooks.WebHooks.Deliveries;

/// <summary>
/// Delivers queued <c>response.ignore</c> web hooks on every node that runs web hooks: claims a batch under a lease,
/// sends each once (in parallel), and records the outcome. A 2xx/3xx answer (or any answer Kratos would not retry)
/// ends a delivery; a time-out, a lost connection, 429 or a 5xx except 501 queues it again with backoff; a refused
/// target or a 4xx abandons it. A stopping worker gives its unfinished claims back; a crashed one's claims are taken
/// over when their lease ends, so a request may arrive twice, with the same <c>Ory-Webhook-Trigger-ID</c>.
/// </summary>
internal sealed partial class WebHookDeliveryWorker(
    IServiceScopeFactory scopes, IDbConnectionFactory connections, WebHookSender sender, WebHookDeliverySettings settings, TimeProvider clock,
    ILogger<WebHookDeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await DeliverBatchAsync(stoppingToken);
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

            if (claimed < settings.BatchSize)
            {
                try
                {
                    await Task.Delay(settings.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One pass: claims up to a batch, delivers it, and returns how many were claimed.</summary>
    public async Task<int> DeliverBatchAsync(CancellationToken ct)
    {
        var lease = Guid.NewGuid();
        var batch = await WithStoreAsync(s => s.ClaimAsync(settings.BatchSize, lease, settings.Lease, ct));
        if (batch.Count == 0)
        {
            return 0;
        }

        try
        {
            await Task.WhenAll(batch.Select(d => DeliverAsync(d, lease, ct)));
        }
        finally
        {
            // Whatever is still held (a stop cut the batch short) goes back to the queue now, not when the lease ends.
            await WithStoreAsync(s => s.ReleaseAsync(lease, CancellationToken.None));
        }

        return batch.Count;
    }

    private async Task DeliverAsync(WebHookDelivery delivery, Guid lease, CancellationToken ct)
    {
        if (delivery.Request is not { } request)
        {
            await WithStoreAsync(s => s.RecordFailureAsync(delivery.Id, lease, "the request is missing", null, CancellationToken.None));
            return;
        }

        string error;
        bool retry;
        try
        {
            var response = await sender.SendOnceAsync(request, delivery.Id, ct);
            if (response.Status < 400)
            {
                await WithStoreAsync(s => s.CompleteAsync(delivery.Id, lease, CancellationToken.None));
                LogDelivered(logger, delivery.Id, delivery.HookId, delivery.Attempts + 1);
                return;
            }

            (error, retry) = ($"the web hook answered {response.Status}", response.IsRetryable);
        }
        catch (WebHookTransportException e)
        {
            (error, retry) = (e.Message, e.Failure != WebHookFailure.Refused);
        }

        var attempts = delivery.Attempts + 1;
        var retryAt = retry && attempts < settings.MaxAttempts ? Clock.Now(clock) + settings.RetryDelay(attempts) : (DateTime?)null;
        await WithStoreAsync(s => s.RecordFailureAsync(delivery.Id, lease, error, retryAt, CancellationToken.None));
        LogFailed(logger, delivery.Id, delivery.HookId, attempts, error, retryAt is null ? "abandoned" : "queued again");
    }

    private async Task<T> WithStoreAsync<T>(Func<IWebHookDeliveryStore, Task<T>> step)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await step(scope.ServiceProvider.GetRequiredService<IWebHookDeliveryStore>());
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Error, Message = "A web hook delivery pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Delivered web hook {DeliveryId} ({HookId}) at attempt {Attempt}")]
    private static partial void LogDelivered(ILogger logger, Guid deliveryId, string? hookId, int attempt);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Warning, Message = "Web hook delivery {DeliveryId} ({HookId}) attempt {Attempt} failed: {Reason}; {Next}")]
    private static partial void LogFailed(ILogger logger, Guid deliveryId, string? hookId, int attempt, string reason, string next);
}
