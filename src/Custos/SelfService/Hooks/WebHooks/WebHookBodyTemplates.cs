using System.Collections.Concurrent;
using Custos.Courier.Templates;
using Custos.Hosting;

namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>
/// Reads a web hook's <c>body</c>: <c>file://</c>, <c>base64://</c>, <c>http(s)://</c> (through the SSRF-guarded
/// <see cref="WebHookHttpHandler"/>, 10 s, 1 MiB, kept for an hour as Kratos caches fetched templates), and a bare path
/// as <c>file://</c> (Kratos's deprecated legacy form). A template that cannot be read fails the hook with a 500.
/// </summary>
internal sealed class WebHookBodyTemplates(WebHookHttpHandler handler, TimeProvider clock)
{
    private const int MaxBytes = 1 << 20;
    private static readonly TimeSpan CacheFor = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, (string Text, DateTimeOffset Until)> _remote = new(StringComparer.Ordinal);

    public async Task<string> ReadAsync(string uri, CancellationToken ct)
    {
        if (uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return await FetchAsync(uri, ct);
        }

        var local = uri.Contains("://", StringComparison.Ordinal) ? uri : "file://" + uri;
        try
        {
            return TemplateFetcher.ReadLocal(local) ?? throw KratosErrors.Internal("The web hook body template has an unsupported URI scheme (use file://, base64://, http:// or https://).");
        }
        catch (CourierTemplateException e)
        {
            throw KratosErrors.Internal($"The web hook body template could not be read: {e.Message}");
        }
    }

    private async Task<string> FetchAsync(string uri, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_remote.TryGetValue(uri, out var cached) && cached.Until > now)
        {
            return cached.Text;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            using var client = new HttpClient(handler, disposeHandler: false);
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw KratosErrors.Internal($"The web hook body template could not be fetched: HTTP {(int)response.StatusCode}.");
            }

            var text = await WebHookSender.ReadCappedAsync(response, MaxBytes, timeout.Token);
            _remote[uri] = (text, now + CacheFor);
            return text;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            throw KratosErrors.Internal($"The web hook body template could not be fetched: {e.GetType().Name}.");
        }
    }
}
