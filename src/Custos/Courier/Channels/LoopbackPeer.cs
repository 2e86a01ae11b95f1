using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Custos.Courier.Channels;

/// <summary>
/// Tells whether a TCP connection accepted on a loopback listener was opened by this very process, from Linux's
/// <c>/proc/net/tcp</c> (the peer socket's inode) and <c>/proc/self/fd</c> (the sockets this process holds). The SMTP
/// TLS tunnel uses it so that another local program racing to its port cannot use the encrypted connection.
/// </summary>
internal static class LoopbackPeer
{
    /// <summary>True if the peer socket is ours, false if it belongs to another process, null where /proc cannot tell.</summary>
    public static bool? IsOwnProcess(Socket accepted)
    {
        if (!OperatingSystem.IsLinux() || accepted.RemoteEndPoint is not IPEndPoint peer || accepted.LocalEndPoint is not IPEndPoint local)
        {
            return null;
        }

        try
        {
            var inode = PeerInode(peer, local);
            if (inode is null)
            {
                return null;
            }

            var socketLink = $"socket:[{inode}]";
            return Directory.EnumerateFileSystemEntries("/proc/self/fd")
                .Any(fd => new FileInfo(fd).LinkTarget == socketLink);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // The row whose local address is the peer and whose remote address is our listener's side of the connection. A
    // dual-mode (IPv6) client socket connected to an IPv4 listener is listed in tcp6 with IPv4-mapped addresses.
    private static string? PeerInode(IPEndPoint peer, IPEndPoint local)
    {
        foreach (var (table, mapped) in new[] { ("/proc/net/tcp", false), ("/proc/net/tcp6", true) })
        {
            if (!File.Exists(table) || (!mapped && peer.AddressFamily != AddressFamily.InterNetwork))
            {
                continue;
            }

            var wantLocal = Hex(peer, mapped);
            var wantRemote = Hex(local, mapped);
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length > 9 && columns[1] == wantLocal && columns[2] == wantRemote)
                {
                    return columns[9];
                }
            }
        }

        return null;
    }

    // /proc/net/tcp writes an address as its bytes in host (little-endian) order per 32-bit word, then ":PORT" in hex.
    private static string Hex(IPEndPoint endpoint, bool asIPv6)
    {
        var address = asIPv6 ? endpoint.Address.MapToIPv6() : endpoint.Address;
        var bytes = address.GetAddressBytes();
        var text = new System.Text.StringBuilder();
        for (var word = 0; word < bytes.Length; word += 4)
        {
            for (var i = 3; i >= 0; i--)
            {
                text.Append(bytes[word + i].ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.Append(':').Append(endpoint.Port.ToString("X4", CultureInfo.InvariantCulture)).ToString();
    }
}
