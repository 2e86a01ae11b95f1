using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.flows.recovery</c>.</summary>
internal sealed class RecoveryFlowOptions
{
    /// <summary><c>selfservice.flows.recovery.enabled</c>. Default false.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; }

    /// <summary><c>selfservice.flows.recovery.ui_url</c>: the recovery UI. Unset: the built-in page <c>&lt;public base url&gt;ui/recovery</c>.</summary>
    [ConfigurationKeyName("ui_url")]
    [ConfigUrl]
    public string UiUrl { get; set; } = "";

    /// <summary><c>selfservice.flows.recovery.lifespan</c>. Default 1h.</summary>
    [ConfigurationKeyName("lifespan")]
    public TimeSpan Lifespan { get; set; } = TimeSpan.FromHours(1);

    /// <summary><c>selfservice.flows.recovery.use</c>: <c>code</c> (default) or <c>link</c>.</summary>
    [ConfigurationKeyName("use")]
    public AddressFlowStrategy Use { get; set; } = AddressFlowStrategy.Code;

    /// <summary><c>selfservice.flows.recovery.notify_unknown_recipients</c>: e-mail unknown addresses. Default false.</summary>
    [ConfigurationKeyName("notify_unknown_recipients")]
    public bool NotifyUnknownRecipients { get; set; }

    /// <summary><c>selfservice.flows.recovery.before</c>: hooks run when a recovery flow is created.</summary>
    [ConfigurationKeyName("before")]
    public BeforeHooksOptions Before { get; set; } = new();

    /// <summary><c>selfservice.flows.recovery.after</c>: hooks and return URL after recovery.</summary>
    [ConfigurationKeyName("after")]
    public AfterHooksOptions After { get; set; } = new();
}
