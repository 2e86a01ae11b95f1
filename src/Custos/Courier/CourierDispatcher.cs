using Custos.Config;
using Custos.Courier.Channels;
using Microsoft.Extensions.Options;

namespace Custos.Courier;

/// <summary>
/// One pass over the queue: claims up to <c>courier.worker.pull_count</c> messages under a <see cref="CourierLease"/> and
/// sends them in order, each in three short steps: begin (committed before the channel is called), send, record. As in
/// Kratos, the first failed dispatch ends the pass: it counts against that message (which is abandoned after
/// <c>courier.message_retries</c>, or at once when retrying cannot help) and the rest of the batch is released. A failed
/// message waits out <see cref="RetryDelay"/> before it is claimed again, so an SMTP outage does not burn through the
/// retries in seconds. A lost database connection only delays the next step, which is retried on a new connection;
/// a send whose outcome was recorded is never repeated, because the record is retried until it lands. Only a send whose
/// worker died before recording it is sent again, with the same Message-ID (see <see cref="UncertainErrorJson"/>).
/// </summary>
internal sealed class CourierDispatcher(
    CourierSteps steps, CourierChannelRouter channels, IOptionsMonitor<CustosOptions> options, TimeProvider clock, ILogger<CourierDispatcher> logger)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(10);

    /// <summary>The failed dispatch recorded for a message whose worker died during its send.</summary>
    public static readonly string UncertainErrorJson = CourierDispatchException.ToErrorJson(new CourierDispatchException(
        "delivery uncertain",
        "the worker stopped during the send, so it is unknown whether the message was delivered; it is sent again with the same Message-ID, so a receiver that got both sees one message"));

    /// <summary>The delay before the next attempt after <paramref name="attempts"/> failed ones: 5 s, tripled each time, at most 10 min.</summary>
    public static TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromTicks((long)Math.Min(LongestRetry.Ticks, FirstRetry.Ticks * Math.Pow(3, Math.Max(0, attempts - 1))));

    /// <summary>Dispatches one batch; returns how many messages were claimed.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        var courier = options.CurrentValue.Courier;
        foreach (var id in await steps.RunAsync((s, c) => s.RequeueUncertainAsync(UncertainErrorJson, courier.MessageRetries, c), ct))
        {
            CourierLog.RequeuedUncertain(logger, id);
        }

        await using var lease = CourierLease.Create();
        var batch = await steps.RunAsync((s, c) => s.ClaimAsync(courier.Worker.PullCount, lease.Token, CourierLease.Duration, c), ct);
        if (batch.Count == 0)
        {
            return 0;
        }

        lease.StartRenewing(steps, clock, logger);
        try
        {
            foreach (var message in batch)
            {
                if (!await SendAsync(message, lease.Token, courier.MessageRetries, ct))
                {
                    break;
                }
            }
        }
        finally
        {
            // Whatever was not begun goes back to the queue now; if even that fails, the lease lapses soon.
            await steps.RetryAsync((s, c) => s.ReleaseAsync(lease.Token, c), finishWhenStopping: true, ct);
        }

        return batch.Count;
    }

    // False ends the pass: a failed send (as in Kratos) or a stopping worker.
    private async Task<bool> SendAsync(CourierMessage message, Guid lease, int messageRetries, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            return false;
        }

        bool begun;
        try
        {
            begun = await steps.RetryAsync((s, c) => s.BeginSendAsync(message.Id, lease, c), finishWhenStopping: false, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }

        if (!begun)
        {
            CourierLog.LeaseLost(logger, message.Id);
            return true;
        }

        try
        {
            // Not cancelled when the worker stops: a send cut off half-way could not be told from a delivered one. The
            // channel's own timeout bounds it.
            await channels.Resolve(message).DispatchAsync(message, CancellationToken.None);
        }
        catch (Exception e)
        {
            await RecordFailureAsync(message, lease, e, messageRetries, ct);
            return false;
        }

        await steps.RetryAsync((s, c) => s.RecordSentAsync(message.Id, c), finishWhenStopping: true, ct);
        CourierLog.Sent(logger, message.Id, message.TemplateType);
        return true;
    }

    private async Task RecordFailureAsync(CourierMessage message, Guid lease, Exception error, int messageRetries, CancellationToken ct)
    {
        var errorJson = CourierDispatchException.ToErrorJson(error);
        var status = error is CourierDispatchException { Permanent: true }
            ? await steps.RetryAsync(async (s, c) => await s.AbandonAsync(message.Id, lease, errorJson, c) ? CourierMessageStatus.Abandoned : null, finishWhenStopping: true, ct)
            : await steps.RetryAsync((s, c) => s.RecordFailureAsync(message.Id, lease, messageRetries, RetryDelay(message.SendCount + 1), errorJson, c), finishWhenStopping: true, ct);
        CourierLog.DispatchFailed(logger, message.Id, status ?? "unknown", error.GetType().Name, error.Message);
    }
}
