using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.flows.login</c>.</summary>
internal sealed class LoginFlowOptions
{
    /// <summary><c>selfservice.flows.login.ui_url</c>: the login UI. Unset: the built-in page <c>&lt;public base url&gt;ui/login</c>.</summary>
    [ConfigurationKeyName("ui_url")]
    [ConfigUrl]
    public string UiUrl { get; set; } = "";

    /// <summary><c>selfservice.flows.login.lifespan</c>: how long a login flow stays valid. Default 1h.</summary>
    [ConfigurationKeyName("lifespan")]
    public TimeSpan Lifespan { get; set; } = TimeSpan.FromHours(1);

    /// <summary><c>selfservice.flows.login.style</c>: <c>unified</c> (default) or <c>identifier_first</c>.</summary>
    [ConfigurationKeyName("style")]
    public LoginStyle Style { get; set; } = LoginStyle.Unified;

    /// <summary><c>selfservice.flows.login.before</c>: hooks run when a login flow is created.</summary>
    [ConfigurationKeyName("before")]
    public BeforeHooksOptions Before { get; set; } = new();

    /// <summary><c>selfservice.flows.login.after</c>: hooks and return URLs after a successful login.</summary>
    [ConfigurationKeyName("after")]
    public LoginAfterOptions After { get; set; } = new();
}
