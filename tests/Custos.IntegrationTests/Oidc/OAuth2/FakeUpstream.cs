using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Custos.IntegrationTests.Oidc.OAuth2;

/// <summary>
/// A provider stand-in: Kestrel on a free 127.0.0.1 port that records every request (method, path, query, headers,
/// form) and answers through the route a test mapped for <c>"METHOD /path"</c>; unmapped routes answer 404.
/// </summary>
internal sealed class FakeUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<Seen, Reply>> _routes = new(StringComparer.Ordinal);

    private FakeUpstream(WebApplication app) => _app = app;

    /// <summary>One request as the provider saw it.</summary>
    public sealed record Seen(
        string Method, string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, IReadOnlyDictionary<string, string> Form)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

        /// <summary>The user name and password of a Basic <c>Authorization</c> header (each form-decoded, RFC 6749 §2.3.1).</summary>
        public (string User, string Password)? Basic()
        {
            if (Header("Authorization") is not { } auth || !auth.StartsWith("Basic ", StringComparison.Ordinal))
            {
                return null;
            }

            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(auth["Basic ".Length..])).Split(':', 2);
            return (WebUtility.UrlDecode(pair[0]), WebUtility.UrlDecode(pair[1]));
        }
    }

    /// <summary>An answer.</summary>
    public sealed record Reply(int Status, string Body, string ContentType = "application/json; charset=utf-8");

    public string BaseUrl { get; private set; } = "";

    public ConcurrentQueue<Seen> Requests { get; } = new();

    /// <summary>The requests to one path, in order.</summary>
    public List<Seen> To(string path) => [.. Requests.Where(r => r.Path == path)];

    public void Map(string method, string path, Func<Seen, Reply> answer) => _routes[method + " " + path] = answer;

    public static async Task<FakeUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var fake = new FakeUpstream(builder.Build());
        fake._app.Run(fake.HandleAsync);
        await fake._app.StartAsync();
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.BaseUrl = address.TrimEnd('/');
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            foreach (var (key, value) in await request.ReadFormAsync())
            {
                form[key] = value.ToString();
            }
        }

        var seen = new Seen(
            request.Method,
            request.Path.Value ?? "",
            request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            form);
        Requests.Enqueue(seen);

        var reply = _routes.TryGetValue(seen.Method + " " + seen.Path, out var answer)
            ? answer(seen)
            : new Reply(404, """{"message":"Not Found"}""");
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = reply.ContentType;
        await context.Response.WriteAsync(reply.Body);
    }
}
