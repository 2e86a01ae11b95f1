using System.Globalization;
using Custos.Hosting;
using Custos.Persistence;
using Custos.SelfService.Hooks.WebHooks;

namespace Custos.Admin.Webhooks;

/// <summary>
/// Delivers queued audit events to their subscriptions, on every node that runs <c>serve</c>: claims a batch under a
/// lease, posts each event once (in parallel) through the flow web hooks' SSRF-guarded client, signed the Standard
/// Webhooks way, and records the outcome. A 2xx answer delivers; any other answer, a time-out or a lost connection
/// queues the delivery again with exponential backoff until <see cref="EventWebhookSettings.MaxAttempts"/>; a target
/// the guard refuses is abandoned at once. A crashed worker's claims are taken over when their lease ends, so a
/// receiver may see an event twice, always with the same <c>webhook-id</c> (the event id) to deduplicate on.
/// </summary>
internal sealed partial class EventWebhookWorker(
    IServiceScopeFactory scopes, IDbConnectionFactory connections, WebHookSender sender, EventWebhookSecrets secrets, EventWebhookSettings settings,
    TimeProvider clock, ILogger<EventWebhookWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await DeliverBatchAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                connections.ClearPoolAfter(e);
                LogPassFailed(logger, e);
                failures++;
            }

            if (claimed < settings.BatchSize)
            {
                // A failing database (not migrated yet, restarting) is polled less and less often, up to once a minute.
                var wait = failures == 0 ? settings.PollInterval : TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, settings.PollInterval.Ticks << Math.Min(failures, 10)));
                try
                {
                    await Task.Delay(wait, clock, stoppingToken);
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
        var batch = await WithQueueAsync(q => q.ClaimAsync(settings.BatchSize, lease, settings.Lease, ct));
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
            await WithQueueAsync(q => q.ReleaseAsync(lease, CancellationToken.None));
        }

        return batch.Count;
    }

    private async Task DeliverAsync(ClaimedEventDelivery delivery, Guid lease, CancellationToken ct)
    {
        var (status, error, retry) = await AttemptAsync(delivery, ct);
        if (error is null)
        {
            await WithQueueAsync(q => q.CompleteAsync(delivery.Id, lease, status!.Value, CancellationToken.None));
            LogDelivered(logger, delivery.EventId, delivery.WebhookId, delivery.Attempts + 1);
            return;
        }

        var attempts = delivery.Attempts + 1;
        var retryAt = retry && attempts < settings.MaxAttempts ? Clock.Now(clock) + settings.RetryDelay(attempts) : (DateTime?)null;
        await WithQueueAsync(q => q.RecordFailureAsync(delivery.Id, lease, error, status, retryAt, CancellationToken.None));
        LogFailed(logger, delivery.EventId, delivery.WebhookId, attempts, error, retryAt is null ? "abandoned" : "queued again");
    }

    /// <summary>One attempt: the answer's status (if any), an error (null when delivered) and whether a retry may help.</summary>
    private async Task<(int? Status, string? Error, bool Retry)> AttemptAsync(ClaimedEventDelivery delivery, CancellationToken ct)
    {
        if (secrets.Open(delivery.WebhookId, delivery.Secret) is not { } secret)
        {
            // Retried: an operator can put the secret that sealed it back into secrets.cipher.
            return (null, "the signing secret does not open under any configured secrets.cipher or secrets.default", true);
        }

        var body = EventWebhookJson.Event(delivery.ToEvent()).ToJsonString();
        var messageId = delivery.EventId.ToString("D");
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var headers = new List<KeyValuePair<string, string>>
        {
            new("webhook-id", messageId),
            new("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture)),
            new("webhook-signature", StandardWebhookSignature.Sign(secret, messageId, timestamp, body)),
        };
        var request = new WebHookRequest("POST", delivery.Url, headers, WebHookContentTypes.Json, body, EmitAnalyticsEvent: false, "event-webhook " + delivery.WebhookId);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.AttemptTimeout);
        try
        {
            var response = await sender.SendOnceAsync(request, delivery.Id, timeout.Token);
            return response.Status is >= 200 and < 300
                ? (response.Status, null, false)
                : (response.Status, $"the webhook answered {response.Status}", true);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"the webhook did not answer within {settings.AttemptTimeout.TotalSeconds:0.###} s", true);
        }
        catch (WebHookTransportException e)
        {
            return (null, e.Message, e.Failure != WebHookFailure.Refused);
        }
    }

    private async Task<T> WithQueueAsync<T>(Func<IEventDeliveryQueue, Task<T>> step)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await step(scope.ServiceProvider.GetRequiredService<IEventDeliveryQueue>());
    }

    [LoggerMessage(EventId = 14310, Level = LogLevel.Error, Message = "An event webhook delivery pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 14311, Level = LogLevel.Information, Message = "Delivered event {EventId} to webhook {WebhookId} at attempt {Attempt}")]
    private static partial void LogDelivered(ILogger logger, Guid eventId, Guid webhookId, int attempt);

    [LoggerMessage(EventId = 14312, Level = LogLevel.Warning, Message = "Delivery of event {EventId} to webhook {WebhookId}, attempt {Attempt}, failed: {Reason}; {Next}")]
    private static partial void LogFailed(ILogger logger, Guid eventId, Guid webhookId, int attempt, string reason, string next);
}
