using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.flows.logout</c>.</summary>
internal sealed class LogoutFlowOptions
{
    /// <summary><c>selfservice.flows.logout.clear_browser_data</c>: send <c>Clear-Site-Data</c> on https logout. Default false.</summary>
    [ConfigurationKeyName("clear_browser_data")]
    public bool ClearBrowserData { get; set; }

    /// <summary><c>selfservice.flows.logout.after</c>: where browsers go after logout.</summary>
    [ConfigurationKeyName("after")]
    public LogoutAfterOptions After { get; set; } = new();
}
