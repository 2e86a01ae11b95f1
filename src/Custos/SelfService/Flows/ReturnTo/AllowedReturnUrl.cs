using System.Globalization;

namespace Custos.SelfService.Flows.ReturnTo;

/// <summary>
/// One entry of the <c>return_to</c> allow list: scheme, host (exact, or <c>*.example.com</c> as a suffix), port and
/// path prefix. Hosts compare in their ASCII (punycode) form, so look-alike Unicode hosts never match.
/// </summary>
internal sealed record AllowedReturnUrl(string Scheme, string Host, int Port, string Path)
{
    /// <summary>Parses an absolute <c>scheme://host[:port][/path]</c>; null when it is not one.</summary>
    public static AllowedReturnUrl? Parse(string value)
    {
        var separator = value.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0 || value.Any(c => c <= ' ' || c == '\\' || c == 0x7f))
        {
            return null;
        }

        var scheme = value[..separator];
        var rest = value[(separator + 3)..];
        var authorityEnd = rest.IndexOfAny(['/', '?', '#']);
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        authority = authority[(authority.LastIndexOf('@') + 1)..];
        var (host, port) = SplitPort(authority);
        if (host.Length == 0)
        {
            return null;
        }

        // Let System.Uri normalise the path and the port; a wildcard host is swapped for a placeholder it accepts.
        var wildcard = host.StartsWith('*');
        var probe = scheme + "://" + (wildcard ? "wildcard.invalid" : host) + (port is null ? "" : ":" + port) + (authorityEnd < 0 ? "" : rest[authorityEnd..]);
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var normalizedHost = wildcard ? "*" + AsciiHost(host[1..]) : uri.IdnHost;
        return new AllowedReturnUrl(uri.Scheme, normalizedHost.ToLowerInvariant(), uri.Port, uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath);
    }

    public bool Matches(Uri candidate)
    {
        if (!string.Equals(Scheme, candidate.Scheme, StringComparison.OrdinalIgnoreCase) || Port != candidate.Port)
        {
            return false;
        }

        var host = candidate.IdnHost.ToLowerInvariant();
        var hostMatches = Host.StartsWith('*')
            ? host.EndsWith(Host[1..], StringComparison.Ordinal)
            : host == Host;
        var path = candidate.AbsolutePath.Length == 0 ? "/" : candidate.AbsolutePath;
        return hostMatches && path.StartsWith(Path, StringComparison.Ordinal);
    }

    private static (string Host, string? Port) SplitPort(string authority)
    {
        var colon = authority.LastIndexOf(':');
        if (colon < 0 || authority.IndexOf(']', StringComparison.Ordinal) > colon)
        {
            return (authority, null);
        }

        var port = authority[(colon + 1)..];
        return port.All(char.IsAsciiDigit) ? (authority[..colon], port.Length == 0 ? null : port) : (authority, null);
    }

    private static string AsciiHost(string host)
    {
        try
        {
            return host.All(char.IsAscii) ? host : new IdnMapping().GetAscii(host);
        }
        catch (ArgumentException)
        {
            return host;
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Scheme}://{Host}:{Port}{Path}");
}
