using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.flows.registration</c>.</summary>
internal sealed class RegistrationFlowOptions
{
    /// <summary><c>selfservice.flows.registration.enabled</c>. Default true.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; } = true;

    /// <summary><c>selfservice.flows.registration.ui_url</c>: the registration UI. Unset: the built-in page <c>&lt;public base url&gt;ui/registration</c>.</summary>
    [ConfigurationKeyName("ui_url")]
    [ConfigUrl]
    public string UiUrl { get; set; } = "";

    /// <summary><c>selfservice.flows.registration.lifespan</c>. Default 1h.</summary>
    [ConfigurationKeyName("lifespan")]
    public TimeSpan Lifespan { get; set; } = TimeSpan.FromHours(1);

    /// <summary><c>selfservice.flows.registration.style</c>: <c>profile_first</c> (default) or <c>unified</c>.</summary>
    [ConfigurationKeyName("style")]
    public RegistrationStyle Style { get; set; } = RegistrationStyle.ProfileFirst;

    /// <summary><c>selfservice.flows.registration.enable_legacy_one_step</c>: legacy switch, true means <c>unified</c>.</summary>
    [ConfigurationKeyName("enable_legacy_one_step")]
    public bool EnableLegacyOneStep { get; set; }

    /// <summary><c>selfservice.flows.registration.login_hints</c>: show login hints on duplicate accounts. Default false.</summary>
    [ConfigurationKeyName("login_hints")]
    public bool LoginHints { get; set; }

    /// <summary><c>selfservice.flows.registration.before</c>: hooks run when a registration flow is created.</summary>
    [ConfigurationKeyName("before")]
    public BeforeHooksOptions Before { get; set; } = new();

    /// <summary><c>selfservice.flows.registration.after</c>: hooks and return URLs after registration.</summary>
    [ConfigurationKeyName("after")]
    public RegistrationAfterOptions After { get; set; } = new();

    /// <summary>The registration style in effect: the legacy one-step switch forces <see cref="RegistrationStyle.Unified"/>.</summary>
    public RegistrationStyle EffectiveStyle() => EnableLegacyOneStep ? RegistrationStyle.Unified : Style;
}
