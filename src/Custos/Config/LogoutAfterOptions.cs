using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.flows.logout.after</c>.</summary>
internal sealed class LogoutAfterOptions
{
    /// <summary><c>selfservice.flows.logout.after.default_browser_return_url</c>.</summary>
    [ConfigurationKeyName("default_browser_return_url")]
    [ConfigUrl]
    public string? DefaultBrowserReturnUrl { get; set; }
}
