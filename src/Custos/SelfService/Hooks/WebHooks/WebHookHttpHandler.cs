using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Custos.Config;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>
/// The connection layer of every web-hook request (and of remote body templates), with the SSRF guard of
/// <c>clients.http</c>. A guarded request resolves its host once, refuses it when any address is not public
/// (<see cref="PublicAddress"/>), and connects to exactly the addresses it checked, so a second DNS answer cannot slip a
/// private address in between check and connect. URLs matching <c>private_ip_exception_urls</c>, or all of them with
/// <c>disallow_private_ip_ranges: false</c>, go through an unguarded handler instead: two connection pools, so a
/// connection opened for an exempt URL is never reused for another. Neither follows redirects (a redirect could leave an
/// exempt URL for a private one) nor sends a proxy's way (the proxy, not the guard, would pick the address).
/// </summary>
internal sealed class WebHookHttpHandler : HttpMessageHandler
{
    private readonly IOptionsMonitor<CustosOptions> _options;
    private readonly HttpMessageInvoker _guarded;
    private readonly HttpMessageInvoker _open;
    private readonly ConcurrentDictionary<string, UrlGlob> _globs = new(StringComparer.Ordinal);

    public WebHookHttpHandler(IOptionsMonitor<CustosOptions> options)
    {
        _options = options;
        _guarded = new HttpMessageInvoker(NewHandler(ConnectToPublicAsync));
        _open = new HttpMessageInvoker(NewHandler(null));
    }

    /// <summary>Whether a request to <paramref name="url"/> may reach private addresses under the current configuration.</summary>
    public bool IsExempt(Uri url)
    {
        var http = _options.CurrentValue.Clients.Http;
        if (!http.RefusesPrivateIpRanges)
        {
            return true;
        }

        // Kratos matches the URL without query and fragment.
        var bare = url.GetLeftPart(UriPartial.Path);
        return http.PrivateIpExceptionUrls.Any(glob => _globs.GetOrAdd(glob, UrlGlob.Parse).IsMatch(bare));
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        (IsExempt(request.RequestUri!) ? _open : _guarded).SendAsync(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _guarded.Dispose();
            _open.Dispose();
        }

        base.Dispose(disposing);
    }

    private static SocketsHttpHandler NewHandler(Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>>? connect) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectCallback = connect,
        ConnectTimeout = TimeSpan.FromSeconds(30),
        // Pooled connections are dropped after a minute, so a host whose DNS answer changed is checked again.
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
    };

    private static async ValueTask<Stream> ConnectToPublicAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        if (addresses.Length == 0 || !addresses.All(PublicAddress.IsPublic))
        {
            throw new PrivateAddressRefusedException(host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
