using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>clients.http</c>.</summary>
internal sealed class HttpClientOptions
{
    /// <summary>
    /// <c>clients.http.disallow_private_ip_ranges</c>: SSRF protection for web hooks. Kratos defaults to false; unset,
    /// Custos refuses private, loopback and link-local targets (docs/web-hooks.md). Only an explicit <c>false</c> allows them.
    /// </summary>
    [ConfigurationKeyName("disallow_private_ip_ranges")]
    public bool? DisallowPrivateIpRanges { get; set; }

    /// <summary>Whether private targets are refused: the configured value, or true when unset (Custos's default).</summary>
    public bool RefusesPrivateIpRanges => DisallowPrivateIpRanges ?? true;

    /// <summary>
    /// <c>clients.http.private_ip_exception_urls</c>: URL globs exempt from the private-range block (Kratos's glob
    /// syntax: <c>*</c> stops at <c>.</c> and <c>/</c>, <c>**</c> does not), matched against the URL without query.
    /// </summary>
    [ConfigurationKeyName("private_ip_exception_urls")]
    [ConfigUrl]
    public List<string> PrivateIpExceptionUrls { get; set; } = [];
}
