namespace Custos.Courier.Channels;

/// <summary>Delivers messages of one channel (<c>email</c> over SMTP or HTTP, <c>sms</c> over HTTP, ...).</summary>
internal interface ICourierChannel
{
    /// <summary>Sends <paramref name="message"/>; throws <see cref="CourierDispatchException"/> (or any exception) when the attempt failed.</summary>
    Task DispatchAsync(CourierMessage message, CancellationToken ct);
}
