using System.Text.Json;

namespace Custos.SelfService.Hooks.WebHooks.Deliveries;

/// <summary>The row shape of <c>web_hook_deliveries</c>.</summary>
internal sealed class WebHookDeliveryRow
{
    public const string Columns = "id, hook_id, url, status, request, attempts, next_attempt_at, last_error, created_at, updated_at";

    public Guid Id { get; set; }
    public string? HookId { get; set; }
    public string Url { get; set; } = "";
    public string Status { get; set; } = "";
    public string Request { get; set; } = "";
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static string Serialize(WebHookRequest? request) => request is null ? "" : JsonSerializer.Serialize(request);

    public WebHookDelivery ToDelivery() => new()
    {
        Id = Id,
        HookId = HookId,
        Url = Url,
        Status = Status,
        Request = Request.Length == 0 ? null : JsonSerializer.Deserialize<WebHookRequest>(Request),
        Attempts = Attempts,
        NextAttemptAt = NextAttemptAt,
        LastError = LastError,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
    };
}
