namespace Custos.SelfService.Hooks.WebHooks.Deliveries;

/// <summary>
/// One queued <c>response.ignore</c> web-hook request. Its <see cref="Id"/> is the <c>Ory-Webhook-Trigger-ID</c> of
/// every attempt, so a receiver can recognise a delivery that a stopped worker left unconfirmed and another repeated.
/// </summary>
internal sealed class WebHookDelivery
{
    public required Guid Id { get; init; }
    public required string Status { get; set; }

    /// <summary>The rendered request; null once abandoned (it held the hook's credentials).</summary>
    public WebHookRequest? Request { get; set; }

    public required string Url { get; init; }
    public string? HookId { get; init; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }

    public static WebHookDelivery Queue(WebHookRequest request, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        Status = WebHookDeliveryStatus.Queued,
        Request = request,
        Url = request.Url,
        HookId = request.HookId,
        NextAttemptAt = now,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
