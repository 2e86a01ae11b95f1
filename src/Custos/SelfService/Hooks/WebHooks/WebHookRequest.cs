namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>
/// A rendered web-hook request, ready to send (and, for <c>response.ignore</c>, to queue): method, URL, headers
/// (configured ones and credentials), content type and body (null for TRACE, the one method Kratos sends without).
/// </summary>
internal sealed record WebHookRequest(
    string Method,
    string Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string ContentType,
    string? Body,
    bool EmitAnalyticsEvent,
    string? HookId);
