using Custos.Config;
using Custos.Courier.Templates;
using Microsoft.Extensions.Options;

namespace Custos.Courier.Channels;

/// <summary>
/// Picks the channel of a message by its channel id, as Kratos does: <c>email</c> is SMTP, or HTTP with
/// <c>courier.delivery_strategy: http</c>; any other id (<c>sms</c>) is the <c>courier.channels</c> entry with that id.
/// </summary>
internal sealed class CourierChannelRouter(IOptionsMonitor<CustosOptions> options, SmtpChannel smtp, IHttpClientFactory clients, TemplateFetcher fetcher)
{
    /// <summary>The channel for <paramref name="message"/>; throws <see cref="CourierDispatchException"/> when none is configured.</summary>
    public ICourierChannel Resolve(CourierMessage message)
    {
        var courier = options.CurrentValue.Courier;
        var id = message.Channel ?? (message.Type == CourierMessageType.Sms ? "sms" : "email");
        if (courier.FindChannel(id) is { } channel)
        {
            return new HttpChannel(channel.RequestConfig, clients, fetcher);
        }

        if (id == "email")
        {
            return courier.DeliveryStrategy == "http" ? new HttpChannel(courier.Http.RequestConfig, clients, fetcher) : smtp;
        }

        throw new CourierDispatchException("courier channel not configured", $"no courier channels configured for: {id}");
    }
}
