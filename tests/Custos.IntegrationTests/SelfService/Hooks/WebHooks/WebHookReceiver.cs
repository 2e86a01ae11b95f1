using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Courier;

namespace Custos.IntegrationTests.SelfService.Hooks.WebHooks;

/// <summary>
/// A web-hook receiver on a loopback port: records every request as a hook target sees it and answers what
/// <see cref="Respond"/> says (default 204), optionally after a delay.
/// </summary>
public sealed class WebHookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public WebHookReceiver(int? port = null)
    {
        Port = port ?? MailDevServer.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>One request as the receiver saw it.</summary>
    public sealed record Received(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At)
    {
        public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }

    /// <summary>An answer: status, body and how long to wait before sending it.</summary>
    public sealed record Reply(int Status, string Body = "", TimeSpan Delay = default);

    public int Port { get; }

    public string Url(string path = "/hook") => $"http://127.0.0.1:{Port}{path}";

    /// <summary>Chooses the answer to the n-th request (1-based) and the request itself.</summary>
    public Func<int, Received, Reply> Respond { get; set; } = (_, _) => new Reply(204);

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>Waits (at most <paramref name="seconds"/>) until at least <paramref name="count"/> requests arrived.</summary>
    public async Task<List<Received>> WaitForAsync(int count, int seconds = 15)
    {
        for (var i = 0; i < seconds * 20 && Requests.Count < count; i++)
        {
            await Task.Delay(50);
        }

        return [.. Requests];
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
        var count = 0;
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

            _ = Task.Run(() => AnswerAsync(context, Interlocked.Increment(ref count)));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context, int number)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            var received = new Received(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body, DateTimeOffset.UtcNow);
            Requests.Enqueue(received);
            var reply = Respond(number, received);
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay);
            }

            context.Response.StatusCode = reply.Status;
            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            if (bytes.Length > 0)
            {
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
            }

            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }
}
