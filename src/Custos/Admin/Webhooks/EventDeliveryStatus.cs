namespace Custos.Admin.Webhooks;

/// <summary>Where an event delivery stands. Unlike flow web-hook deliveries, finished ones are kept for the admin API.</summary>
internal static class EventDeliveryStatus
{
    public const string Queued = "queued";
    public const string Processing = "processing";
    public const string Delivered = "delivered";
    public const string Abandoned = "abandoned";
}
