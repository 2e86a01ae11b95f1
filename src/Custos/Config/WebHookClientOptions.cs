using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>clients.web_hook</c>.</summary>
internal sealed class WebHookClientOptions
{
    /// <summary><c>clients.web_hook.header_allowlist</c>: request headers forwarded to web hooks as <c>ctx.request_headers</c>.</summary>
    [ConfigurationKeyName("header_allowlist")]
    public List<string> HeaderAllowlist { get; set; } =
    [
        "Accept", "Accept-Encoding", "Accept-Language", "Content-Length", "Content-Type", "Origin", "Priority",
        "Referer", "Sec-Ch-Ua", "Sec-Ch-Ua-Mobile", "Sec-Ch-Ua-Platform", "Sec-Fetch-Dest", "Sec-Fetch-Mode",
        "Sec-Fetch-Site", "Sec-Fetch-User", "True-Client-Ip", "User-Agent",
    ];
}
