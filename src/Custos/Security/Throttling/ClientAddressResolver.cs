using System.Net;
using Custos.Config;
using Microsoft.Extensions.Options;

namespace Custos.Security.Throttling;

/// <summary>
/// The client address that throttling counts by: the connection's address, or — only when the connection comes from
/// one of <c>serve.public.trusted_proxies</c> — the right-most address of <c>X-Forwarded-For</c> that is not itself a
/// trusted proxy. Everything left of that was written by the client and proves nothing, so a client cannot pick its
/// own counter by sending the header (unlike the informational <c>Sessions.ClientDevice.IpAddress</c>).
/// </summary>
internal sealed class ClientAddressResolver(IOptionsMonitor<CustosOptions> options)
{
    /// <summary>The address of <paramref name="context"/>'s client, IPv4-mapped addresses as IPv4; <c>unknown</c> without a connection address.</summary>
    public string Resolve(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null)
        {
            return "unknown";
        }

        remote = Normalise(remote);
        var proxies = TrustedProxies();
        if (proxies.Count == 0 || !IsTrusted(remote, proxies))
        {
            return remote.ToString();
        }

        var hops = context.Request.Headers["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = hops.Length - 1; i >= 0; i--)
        {
            if (!IPAddress.TryParse(hops[i], out var hop))
            {
                // A hop a trusted proxy would not write: stop believing the chain here, at the last proxy.
                return remote.ToString();
            }

            remote = Normalise(hop);
            if (!IsTrusted(remote, proxies))
            {
                return remote.ToString();
            }
        }

        return remote.ToString();
    }

    /// <summary>Parses a <c>trusted_proxies</c> entry (a CIDR or a single address).</summary>
    public static bool TryParse(string entry, out IPNetwork network)
    {
        if (IPNetwork.TryParse(entry, out network))
        {
            return true;
        }

        if (IPAddress.TryParse(entry, out var single))
        {
            single = Normalise(single);
            network = new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return false;
    }

    private List<IPNetwork> TrustedProxies()
    {
        var list = new List<IPNetwork>();
        foreach (var entry in options.CurrentValue.Serve.Public.TrustedProxies)
        {
            if (TryParse(entry, out var network))
            {
                list.Add(network);
            }
        }

        return list;
    }

    private static bool IsTrusted(IPAddress address, List<IPNetwork> proxies) => proxies.Exists(p => p.Contains(address));

    private static IPAddress Normalise(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
