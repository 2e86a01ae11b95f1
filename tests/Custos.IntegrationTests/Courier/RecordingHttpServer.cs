using System.Collections.Concurrent;
using System.Net;

namespace Custos.IntegrationTests.Courier;

/// <summary>An HTTP server on a free loopback port that records every request and answers with <see cref="StatusCode"/>.</summary>
public sealed class RecordingHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public RecordingHttpServer()
    {
        Port = MailDevServer.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>One request as received.</summary>
    public sealed record Request(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

    public int Port { get; }

    public string Url(string path = "/") => $"http://127.0.0.1:{Port}{path}";

    /// <summary>The status code of every answer (default 200).</summary>
    public int StatusCode { get; set; } = 200;

    public ConcurrentQueue<Request> Requests { get; } = new();

    /// <summary>Waits (at most ~10 s) for a request to <paramref name="path"/>.</summary>
    public async Task<Request?> WaitForAsync(string path)
    {
        for (var i = 0; i < 100; i++)
        {
            var found = Requests.FirstOrDefault(r => r.Path == path);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }

        return null;
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            Requests.Enqueue(new Request(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body));
            context.Response.StatusCode = StatusCode;
            context.Response.Close();
        }
    }
}
