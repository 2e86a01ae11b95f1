using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Custos.IntegrationTests.SelfService.Policy;

/// <summary>
/// A local stand-in for <c>api.pwnedpasswords.com</c> speaking the real range protocol: <c>GET /range/ABCDE</c>
/// answers upper-case <c>SUFFIX:COUNT</c> lines (CRLF) for every known hash with that prefix, plus padding entries
/// with count 0 as the real API adds on request.
/// </summary>
internal sealed class FakeRangeApi : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _breaches = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public FakeRangeApi()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The <c>haveibeenpwned_host</c> value pointing at this server.</summary>
    public string Host => $"http://127.0.0.1:{Port}";

    public ConcurrentQueue<(string Method, string RawUrl, string Headers, long BodyLength)> Requests { get; } = new();

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

#pragma warning disable CA5350 // the range API is keyed by SHA-1
    public static string Sha1(string password) => Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(password)));
#pragma warning restore CA5350

    /// <summary>A loopback port nothing listens on.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void AddBreach(string password, long count) => _breaches[Sha1(password)] = count;

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task ServeAsync()
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

            _ = Task.Run(() => RespondAsync(context));
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var headers = string.Join("\n", request.Headers.AllKeys.Select(k => $"{k}: {request.Headers[k]}"));
        Requests.Enqueue((request.HttpMethod, request.RawUrl ?? "", headers, request.ContentLength64));
        using var response = context.Response;
        try
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay);
            }

            var path = request.Url!.AbsolutePath;
            if (Status != HttpStatusCode.OK || !path.StartsWith("/range/", StringComparison.Ordinal) || path.Length != "/range/".Length + 5)
            {
                response.StatusCode = Status == HttpStatusCode.OK ? 400 : (int)Status;
                return;
            }

            var prefix = path[^5..].ToUpperInvariant();
            var body = new StringBuilder();
            foreach (var (hash, count) in _breaches.Where(b => b.Key.StartsWith(prefix, StringComparison.Ordinal)))
            {
                body.Append(hash[5..]).Append(':').Append(count).Append("\r\n");
            }

            for (var i = 0; i < 3; i++)
            {
                body.Append(Convert.ToHexString(RandomNumberGenerator.GetBytes(18))[..35]).Append(":0\r\n");
            }

            var bytes = Encoding.ASCII.GetBytes(body.ToString().TrimEnd());
            response.ContentType = "text/plain";
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // the client gave up (timeout tests)
        }
    }
}
