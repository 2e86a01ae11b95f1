namespace Custos.Courier;

/// <summary>Delivers one e-mail message; throws when the delivery fails (the worker then counts a failed attempt).</summary>
internal interface IEmailSender
{
    /// <summary>Sends <paramref name="message"/> to its recipient.</summary>
    Task SendAsync(CourierMessage message, CancellationToken ct);
}
