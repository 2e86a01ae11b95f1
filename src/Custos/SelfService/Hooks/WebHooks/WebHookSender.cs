using System.Text;

namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>
/// Sends rendered web-hook requests through the SSRF-guarded <see cref="WebHookHttpHandler"/>. Every attempt carries
/// a fresh <c>Ory-Webhook-Request-ID</c> and the execution's <c>Ory-Webhook-Trigger-ID</c> (both only with
/// <c>emit_analytics_event</c>, the default), so a receiver can tell retries of one execution apart from new ones.
/// </summary>
internal sealed partial class WebHookSender(WebHookHttpHandler handler, WebHookClientSettings settings, TimeProvider clock, ILogger<WebHookSender> logger)
{
    private const int MaxResponseBytes = 5 << 20;

    /// <summary>
    /// Sends with Kratos's retries (<see cref="WebHookClientSettings"/>) and returns the final answer; throws
    /// <see cref="WebHookTransportException"/> when the last attempt failed or was still answered with a retryable status.
    /// </summary>
    public async Task<WebHookResponse> SendAsync(WebHookRequest request, Guid triggerId, CancellationToken ct)
    {
        var wait = settings.FirstRetryWait;
        for (var attempt = 1; ; attempt++)
        {
            WebHookTransportException? failure;
            try
            {
                var response = await SendOnceAsync(request, triggerId, ct);
                if (!response.IsRetryable)
                {
                    return response;
                }

                failure = new WebHookTransportException(WebHookFailure.GaveUp, $"giving up after {attempt} attempt(s): the web hook answered {response.Status}");
            }
            catch (WebHookTransportException e) when (e.Failure != WebHookFailure.Refused)
            {
                failure = e;
            }

            LogAttemptFailed(logger, request.HookId, attempt, failure.Message);
            if (attempt >= settings.Attempts)
            {
                throw failure;
            }

            await Task.Delay(wait, clock, ct);
            wait *= 2;
        }
    }

    /// <summary>One attempt: the answer whatever its status, or <see cref="WebHookTransportException"/>.</summary>
    public async Task<WebHookResponse> SendOnceAsync(WebHookRequest request, Guid triggerId, CancellationToken ct)
    {
        using var message = Build(request, triggerId);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.AttemptTimeout);
        try
        {
            using var client = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return new WebHookResponse((int)response.StatusCode, await ReadCappedAsync(response, MaxResponseBytes, timeout.Token));
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new WebHookTransportException(WebHookFailure.Timeout, $"the web hook did not answer within {settings.AttemptTimeout.TotalSeconds:0.###} s", e);
        }
        catch (HttpRequestException e) when (PrivateAddressRefusedException.Find(e) is { } refused)
        {
            throw new WebHookTransportException(WebHookFailure.Refused, refused.Message, refused);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new WebHookTransportException(WebHookFailure.Unreachable, $"the web hook could not be reached: {e.Message}", e);
        }
    }

    /// <summary>The body as text, cut off after <paramref name="maxBytes"/> bytes.</summary>
    public static async Task<string> ReadCappedAsync(HttpResponseMessage response, int maxBytes, CancellationToken ct)
    {
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (buffer.Length < maxBytes && (read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, maxBytes - buffer.Length)), ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static HttpRequestMessage Build(WebHookRequest request, Guid triggerId)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
            message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }

        foreach (var (name, value) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (request.EmitAnalyticsEvent)
        {
            message.Headers.TryAddWithoutValidation("Ory-Webhook-Request-ID", Guid.NewGuid().ToString("D"));
            message.Headers.TryAddWithoutValidation("Ory-Webhook-Trigger-ID", triggerId.ToString("D"));
        }

        return message;
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Web hook {HookId} attempt {Attempt} failed: {Reason}")]
    private static partial void LogAttemptFailed(ILogger logger, string? hookId, int attempt, string reason);
}
