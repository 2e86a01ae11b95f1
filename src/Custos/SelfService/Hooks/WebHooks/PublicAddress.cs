using System.Net;
using System.Net.Sockets;

namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>
/// Whether an address is publicly routable: the test the SSRF guard applies to every address a web-hook host resolves
/// to. Refused are the IPv4 special-purpose ranges (this network, private, shared, loopback, link-local, IETF, test,
/// benchmarking, multicast, reserved, broadcast) and, for IPv6, everything outside global unicast <c>2000::/3</c> plus
/// the documentation, IETF/Teredo and 6to4 prefixes (which can carry a private IPv4 address). IPv4-mapped IPv6
/// addresses are judged as the IPv4 address they carry.
/// </summary>
internal static class PublicAddress
{
    private static readonly (uint Network, int Bits)[] RefusedV4 =
    [
        (0x00000000, 8),   // 0.0.0.0/8 this network
        (0x0A000000, 8),   // 10.0.0.0/8 private
        (0x64400000, 10),  // 100.64.0.0/10 shared address space (carrier NAT)
        (0x7F000000, 8),   // 127.0.0.0/8 loopback
        (0xA9FE0000, 16),  // 169.254.0.0/16 link-local (cloud metadata services)
        (0xAC100000, 12),  // 172.16.0.0/12 private
        (0xC0000000, 24),  // 192.0.0.0/24 IETF protocol assignments
        (0xC0000200, 24),  // 192.0.2.0/24 TEST-NET-1
        (0xC0586300, 24),  // 192.88.99.0/24 6to4 relay anycast
        (0xC0A80000, 16),  // 192.168.0.0/16 private
        (0xC6120000, 15),  // 198.18.0.0/15 benchmarking
        (0xC6336400, 24),  // 198.51.100.0/24 TEST-NET-2
        (0xCB007100, 24),  // 203.0.113.0/24 TEST-NET-3
        (0xE0000000, 4),   // 224.0.0.0/4 multicast
        (0xF0000000, 4),   // 240.0.0.0/4 reserved, and 255.255.255.255
    ];

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    private static bool IsPublicV4(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        var value = (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
        foreach (var (network, bits) in RefusedV4)
        {
            var mask = uint.MaxValue << (32 - bits);
            if ((value & mask) == network)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPublicV6(IPAddress address)
    {
        var b = address.GetAddressBytes();
        // Global unicast is 2000::/3; loopback, link-local, unique-local, multicast and the mapped forms lie outside it.
        if ((b[0] & 0xE0) != 0x20)
        {
            return false;
        }

        var first = b[0] << 8 | b[1];
        var second = b[2] << 8 | b[3];
        return !(first == 0x2001 && second < 0x0200) // 2001::/23 IETF assignments, Teredo 2001::/32 among them
            && !(first == 0x2001 && second == 0x0DB8) // 2001:db8::/32 documentation
            && first != 0x2002;                       // 2002::/16 6to4, which embeds an IPv4 address
    }
}
