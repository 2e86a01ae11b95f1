using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary>
/// A <c>{default_browser_return_url, hooks}</c> pair: <c>selfservice.flows.{recovery,verification}.after</c> and each
/// per-method block such as <c>selfservice.flows.login.after.password</c>.
/// </summary>
internal sealed class AfterHooksOptions
{
    /// <summary><c>...after[.&lt;method&gt;].default_browser_return_url</c>: redirect target after the flow completes.</summary>
    [ConfigurationKeyName("default_browser_return_url")]
    [ConfigUrl]
    public string? DefaultBrowserReturnUrl { get; set; }

    /// <summary><c>...after[.&lt;method&gt;].hooks</c>, in execution order.</summary>
    [ConfigurationKeyName("hooks")]
    public List<HookOptions> Hooks { get; set; } = [];
}
