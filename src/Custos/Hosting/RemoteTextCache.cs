using System.Collections.Concurrent;
using System.Text;

namespace Custos.Hosting;

/// <summary>
/// Text fetched from an <c>http(s)://</c> URL and kept for an hour, as Kratos caches fetched Jsonnet (web hook bodies,
/// OIDC claims mappers): 10 s per fetch, at most 1 MiB (a longer answer is refused, never cut off into a template that
/// fails later with a confusing syntax error). Each user owns one instance on its own guarded client.
/// </summary>
internal sealed class RemoteTextCache(HttpClient client, TimeProvider clock)
{
    /// <summary>The largest body accepted.</summary>
    public const int MaxBytes = 1 << 20;

    private static readonly TimeSpan CacheFor = TimeSpan.FromHours(1);
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, (string Text, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <summary>True for <c>http://</c> and <c>https://</c> URLs, the ones this cache fetches.</summary>
    public static bool IsRemote(string uri) =>
        uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The body of <paramref name="uri"/>; throws <see cref="RemoteTextException"/> with a reason that holds no body.</summary>
    public async Task<string> GetAsync(string uri, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(uri, out var cached) && cached.Until > now)
        {
            return cached.Text;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(FetchTimeout);
        try
        {
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new RemoteTextException($"HTTP {(int)response.StatusCode}");
            }

            var text = await ReadAsync(response, timeout.Token);
            _cache[uri] = (text, now + CacheFor);
            return text;
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new RemoteTextException(e.GetType().Name);
        }
    }

    private static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new RemoteTextException("larger than 1 MiB");
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
