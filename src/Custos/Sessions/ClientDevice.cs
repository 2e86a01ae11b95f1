using System.Net;
using System.Net.Sockets;

namespace Custos.Sessions;

/// <summary>Reads the client's address, user agent and (Cloudflare) location from a request, as Kratos does.</summary>
internal static class ClientDevice
{
    public static SessionDevice From(HttpContext context)
    {
        var headers = context.Request.Headers;
        var location = string.Join(", ", new[] { headers["Cf-Ipcity"].ToString(), headers["Cf-Ipcountry"].ToString() }.Where(s => s.Length > 0));
        return new SessionDevice(Guid.NewGuid(), IpAddress(context), headers.UserAgent.ToString(), location);
    }

    /// <summary>
    /// <c>True-Client-IP</c> → <c>Cf-Connecting-IP</c> → <c>X-Real-IP</c> → the first public address of
    /// <c>X-Forwarded-For</c> → the connection's remote address. Informational only: these headers are client-controlled
    /// unless a proxy overwrites them, so nothing security-relevant may depend on the result.
    /// </summary>
    public static string IpAddress(HttpContext context)
    {
        var headers = context.Request.Headers;
        foreach (var name in new[] { "True-Client-IP", "Cf-Connecting-IP", "X-Real-IP" })
        {
            var value = headers[name].ToString().Trim();
            if (value.Length > 0)
            {
                return value;
            }
        }

        foreach (var candidate in headers["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (IPAddress.TryParse(candidate, out var ip) && IsPublic(ip))
            {
                return candidate;
            }
        }

        return context.Connection.RemoteIpAddress is { } remote
            ? (remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote).ToString()
            : "";
    }

    /// <summary>False for loopback, private, link-local, carrier-grade NAT, unique-local and unspecified addresses.</summary>
    public static bool IsPublic(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        if (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
        {
            return false;
        }

        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = ip.GetAddressBytes();
            return !(b[0] == 10
                || b[0] == 0
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127));
        }

        return !(ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal || ip.IsIPv6Multicast);
    }
}
