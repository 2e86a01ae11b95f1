using Custos.Config;
using Custos.Courier.Channels;
using Microsoft.Extensions.Options;

namespace Custos.Courier;

/// <summary>
/// One pass over the queue: claims up to <c>courier.worker.pull_count</c> messages and dispatches them in order through
/// their channel, recording every attempt in <c>courier_message_dispatches</c>. As in Kratos, the first failed dispatch
/// ends the pass: it counts against that message (which is abandoned after <c>courier.message_retries</c>, or at once
/// when retrying cannot help) and the rest of the batch goes back to the queue untouched. A failed message waits out
/// <see cref="RetryDelay"/> before it is claimed again, so an SMTP outage does not burn through the retries in seconds.
/// </summary>
internal sealed class CourierDispatcher(ICourierMessageStore store, CourierChannelRouter channels, IOptionsMonitor<CustosOptions> options, ILogger<CourierDispatcher> logger)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(10);

    /// <summary>The delay before the next attempt after <paramref name="attempts"/> failed ones: 5 s, tripled each time, at most 10 min.</summary>
    public static TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromTicks((long)Math.Min(LongestRetry.Ticks, FirstRetry.Ticks * Math.Pow(3, Math.Max(0, attempts - 1))));

    /// <summary>Dispatches one batch; returns how many messages were claimed.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        var courier = options.CurrentValue.Courier;
        var batch = await store.ClaimAsync(courier.Worker.PullCount, ct);
        for (var i = 0; i < batch.Count; i++)
        {
            var message = batch[i];
            try
            {
                await channels.Resolve(message).DispatchAsync(message, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                await RecordFailureAsync(message, e, courier.MessageRetries);
                await RequeueAsync(batch.Skip(i + 1));
                return batch.Count;
            }
            catch (OperationCanceledException)
            {
                await RequeueAsync(batch.Skip(i));
                throw;
            }

            await store.MarkSentAsync(message.Id, CancellationToken.None);
            await store.RecordDispatchAsync(message.Id, CourierMessageDispatch.Success, null, CancellationToken.None);
            CourierLog.Sent(logger, message.Id, message.TemplateType);
        }

        return batch.Count;
    }

    private async Task RecordFailureAsync(CourierMessage message, Exception error, int messageRetries)
    {
        string? status;
        if (error is CourierDispatchException { Permanent: true })
        {
            await store.AbandonAsync(message.Id, CancellationToken.None);
            status = CourierMessageStatus.Abandoned;
        }
        else
        {
            status = await store.RecordFailureAsync(message.Id, messageRetries, RetryDelay(message.SendCount + 1), CancellationToken.None);
        }

        await store.RecordDispatchAsync(message.Id, CourierMessageDispatch.Failed, CourierDispatchException.ToErrorJson(error), CancellationToken.None);
        CourierLog.DispatchFailed(logger, message.Id, status ?? "unknown", error.GetType().Name, error.Message);
    }

    private async Task RequeueAsync(IEnumerable<CourierMessage> rest)
    {
        foreach (var message in rest)
        {
            await store.RequeueAsync(message.Id, CancellationToken.None);
        }
    }
}
