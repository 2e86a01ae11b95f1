using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice</c>: self-service flows, authentication methods and return URLs.</summary>
internal sealed class SelfserviceOptions
{
    /// <summary>
    /// <c>selfservice.default_browser_return_url</c>: fallback redirect target. Unset: the built-in welcome
    /// page <c>&lt;public base url&gt;ui/welcome</c> (Kratos requires a value).
    /// </summary>
    [ConfigurationKeyName("default_browser_return_url")]
    [ConfigUrl]
    public string DefaultBrowserReturnUrl { get; set; } = "";

    /// <summary><c>selfservice.allowed_return_urls</c>: URLs accepted as <c>return_to</c>; <c>*.domain</c> wildcard hosts allowed.</summary>
    [ConfigurationKeyName("allowed_return_urls")]
    [ConfigUrl]
    public List<string> AllowedReturnUrls { get; set; } = [];

    /// <summary><c>selfservice.flows</c>: per-flow settings.</summary>
    [ConfigurationKeyName("flows")]
    public FlowsOptions Flows { get; set; } = new();

    /// <summary><c>selfservice.methods</c>: authentication methods (strategies).</summary>
    [ConfigurationKeyName("methods")]
    public MethodsOptions Methods { get; set; } = new();
}
