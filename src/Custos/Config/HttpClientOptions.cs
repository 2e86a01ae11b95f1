using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>clients.http</c>.</summary>
internal sealed class HttpClientOptions
{
    /// <summary><c>clients.http.disallow_private_ip_ranges</c>: SSRF protection. Default false.</summary>
    [ConfigurationKeyName("disallow_private_ip_ranges")]
    public bool DisallowPrivateIpRanges { get; set; }

    /// <summary><c>clients.http.private_ip_exception_urls</c>: URLs exempt from the private-range block.</summary>
    [ConfigurationKeyName("private_ip_exception_urls")]
    [ConfigUrl]
    public List<string> PrivateIpExceptionUrls { get; set; } = [];
}
