using System.Collections.Concurrent;
using System.Text;

namespace Custos.Courier.Templates;

/// <summary>
/// Reads a template URI as Kratos's fetcher does: <c>file://</c> (the rest is a path, relative paths from the working
/// directory), <c>base64://</c> (standard or URL-safe, padding optional) and <c>http(s)://</c> (10 s timeout, 1 MiB cap).
/// Successful reads are cached for the process, as Kratos caches loaded templates; failures are not.
/// </summary>
internal sealed class TemplateFetcher(IHttpClientFactory clients)
{
    /// <summary>The named <see cref="HttpClient"/> used for remote templates.</summary>
    public const string HttpClientName = "custos-courier-templates";

    private const int MaxBytes = 1 << 20;
    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);

    /// <summary>The text behind <paramref name="uri"/>; throws <see cref="CourierTemplateException"/> when it cannot be read.</summary>
    public async Task<string> FetchAsync(string uri, CancellationToken ct)
    {
        if (_cache.TryGetValue(uri, out var cached))
        {
            return cached;
        }

        var text = await ReadAsync(uri, ct);
        _cache[uri] = text;
        return text;
    }

    /// <summary>Reads <c>file://</c> and <c>base64://</c> URIs without the network (used by start-up checks); null for other schemes.</summary>
    public static string? ReadLocal(string uri)
    {
        if (uri.StartsWith("base64://", StringComparison.OrdinalIgnoreCase))
        {
            return DecodeBase64(uri["base64://".Length..]);
        }

        if (uri.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            var path = Uri.UnescapeDataString(uri["file://".Length..]);
            try
            {
                return File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new CourierTemplateException($"cannot read \"{path}\": {e.Message}", e);
            }
        }

        return null;
    }

    private async Task<string> ReadAsync(string uri, CancellationToken ct)
    {
        if (ReadLocal(uri) is { } local)
        {
            return local;
        }

        if (!uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            throw new CourierTemplateException("unsupported template URI scheme (use file://, base64://, http:// or https://)");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            var client = clients.CreateClient(HttpClientName);
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new CourierTemplateException($"fetching the template answered HTTP {(int)response.StatusCode}");
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await body.ReadAsync(chunk, timeout.Token)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    throw new CourierTemplateException("the remote template is larger than 1 MiB");
                }

                buffer.Write(chunk, 0, read);
            }

            return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new CourierTemplateException($"fetching the template failed: {e.GetType().Name}", e);
        }
    }

    private static string DecodeBase64(string encoded)
    {
        var normalized = encoded.Trim().Replace('-', '+').Replace('_', '/').TrimEnd('=');
        normalized = normalized.PadRight(normalized.Length + ((4 - (normalized.Length % 4)) % 4), '=');
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(normalized));
        }
        catch (FormatException e)
        {
            throw new CourierTemplateException("the base64:// template is not valid base64", e);
        }
    }
}
