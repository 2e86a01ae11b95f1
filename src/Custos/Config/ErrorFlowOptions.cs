using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.flows.error</c>.</summary>
internal sealed class ErrorFlowOptions
{
    /// <summary><c>selfservice.flows.error.ui_url</c>: the error UI (<c>?id=</c> is appended). Unset: the built-in page <c>&lt;public base url&gt;ui/error</c>.</summary>
    [ConfigurationKeyName("ui_url")]
    [ConfigUrl]
    public string UiUrl { get; set; } = "";
}
