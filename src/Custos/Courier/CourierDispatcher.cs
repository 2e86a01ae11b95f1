using Custos.Config;
using Microsoft.Extensions.Options;

namespace Custos.Courier;

/// <summary>
/// One pass over the queue: claims up to <c>courier.worker.pull_count</c> messages and dispatches them in order.
/// As in Kratos, the first failed dispatch ends the pass: it counts against that message (which may be abandoned
/// after <c>courier.message_retries</c>) and the rest of the batch goes back to the queue untouched.
/// </summary>
internal sealed class CourierDispatcher(ICourierMessageStore store, IEmailSender email, IOptionsMonitor<CustosOptions> options, ILogger<CourierDispatcher> logger)
{
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
                if (message.Type != CourierMessageType.Email)
                {
                    throw new NotSupportedException($"no channel for message type {message.Type}");
                }

                await email.SendAsync(message, ct);
                await store.MarkSentAsync(message.Id, CancellationToken.None);
                CourierLog.Sent(logger, message.Id, message.TemplateType);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var status = await store.RecordFailureAsync(message.Id, courier.MessageRetries, CancellationToken.None);
                CourierLog.DispatchFailed(logger, message.Id, status ?? "unknown", e.GetType().Name, e.Message);
                await RequeueAsync(batch.Skip(i + 1));
                return batch.Count;
            }
            catch (OperationCanceledException)
            {
                await RequeueAsync(batch.Skip(i));
                throw;
            }
        }

        return batch.Count;
    }

    private async Task RequeueAsync(IEnumerable<CourierMessage> rest)
    {
        foreach (var message in rest)
        {
            await store.RequeueAsync(message.Id, CancellationToken.None);
        }
    }
}
