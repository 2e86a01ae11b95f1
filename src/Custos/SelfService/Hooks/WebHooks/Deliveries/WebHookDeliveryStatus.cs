namespace Custos.SelfService.Hooks.WebHooks.Deliveries;

/// <summary>Where a queued web-hook delivery stands; a delivered one is deleted.</summary>
internal static class WebHookDeliveryStatus
{
    public const string Queued = "queued";
    public const string Processing = "processing";
    public const string Abandoned = "abandoned";
}
