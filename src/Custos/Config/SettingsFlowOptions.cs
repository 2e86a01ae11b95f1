using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.flows.settings</c>.</summary>
internal sealed class SettingsFlowOptions
{
    /// <summary><c>selfservice.flows.settings.ui_url</c>: the settings UI. Unset: the built-in page <c>&lt;public base url&gt;ui/settings</c>.</summary>
    [ConfigurationKeyName("ui_url")]
    [ConfigUrl]
    public string UiUrl { get; set; } = "";

    /// <summary><c>selfservice.flows.settings.lifespan</c>. Default 1h.</summary>
    [ConfigurationKeyName("lifespan")]
    public TimeSpan Lifespan { get; set; } = TimeSpan.FromHours(1);

    /// <summary><c>selfservice.flows.settings.privileged_session_max_age</c>: session age allowing sensitive changes. Default 1h.</summary>
    [ConfigurationKeyName("privileged_session_max_age")]
    public TimeSpan PrivilegedSessionMaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary><c>selfservice.flows.settings.required_aal</c>: <c>highest_available</c> (default) or <c>aal1</c>.</summary>
    [ConfigurationKeyName("required_aal")]
    public RequiredAal RequiredAal { get; set; } = RequiredAal.HighestAvailable;

    /// <summary><c>selfservice.flows.settings.before</c>: hooks run when a settings flow is created.</summary>
    [ConfigurationKeyName("before")]
    public BeforeHooksOptions Before { get; set; } = new();

    /// <summary><c>selfservice.flows.settings.after</c>: hooks and return URLs after a settings update.</summary>
    [ConfigurationKeyName("after")]
    public SettingsAfterOptions After { get; set; } = new();
}
