namespace Custos.Courier;

/// <summary>
/// A worker's claim on one batch: a token, and an expiry that the worker pushes forward every <see cref="RenewEvery"/>
/// while it works through the batch. When the worker dies, the expiry passes within <see cref="Duration"/> and another
/// worker takes the unsent messages over. Renewing three times per lease leaves room for a database blink of twice the
/// interval before the lease can lapse; a lapsed lease is safe too (the send of each message begins only under a live lease).
/// </summary>
internal sealed class CourierLease : IAsyncDisposable
{
    /// <summary>How long a claim lasts without renewal.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(15);

    /// <summary>How often the holder renews it.</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stop = new();
    private Task _renewal = Task.CompletedTask;

    private CourierLease()
    {
    }

    public Guid Token { get; } = Guid.NewGuid();

    /// <summary>A new lease token; <see cref="StartRenewing"/> once messages are claimed under it.</summary>
    public static CourierLease Create() => new();

    /// <summary>Renews the lease in the background until disposed; a failed renewal is logged and tried again at the next tick.</summary>
    public void StartRenewing(CourierSteps steps, TimeProvider clock, ILogger logger) =>
        _renewal = RenewAsync(steps, clock, logger, _stop.Token);

    private async Task RenewAsync(CourierSteps steps, TimeProvider clock, ILogger logger, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RenewEvery, clock, ct);
                await steps.RunAsync((s, c) => s.RenewLeaseAsync(Token, Duration, c), ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                CourierLog.RenewFailed(logger, e.GetType().Name, e.Message);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewal;
        _stop.Dispose();
    }
}
