using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.flows.verification</c>.</summary>
internal sealed class VerificationFlowOptions
{
    /// <summary><c>selfservice.flows.verification.enabled</c>. Default false.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; }

    /// <summary><c>selfservice.flows.verification.ui_url</c>: the verification UI. Unset: the built-in page <c>&lt;public base url&gt;ui/verification</c>.</summary>
    [ConfigurationKeyName("ui_url")]
    [ConfigUrl]
    public string UiUrl { get; set; } = "";

    /// <summary><c>selfservice.flows.verification.lifespan</c>. Default 1h.</summary>
    [ConfigurationKeyName("lifespan")]
    public TimeSpan Lifespan { get; set; } = TimeSpan.FromHours(1);

    /// <summary><c>selfservice.flows.verification.use</c>: <c>code</c> (default) or <c>link</c>.</summary>
    [ConfigurationKeyName("use")]
    public AddressFlowStrategy Use { get; set; } = AddressFlowStrategy.Code;

    /// <summary><c>selfservice.flows.verification.notify_unknown_recipients</c>. Default false.</summary>
    [ConfigurationKeyName("notify_unknown_recipients")]
    public bool NotifyUnknownRecipients { get; set; }

    /// <summary><c>selfservice.flows.verification.before</c>: hooks run when a verification flow is created.</summary>
    [ConfigurationKeyName("before")]
    public BeforeHooksOptions Before { get; set; } = new();

    /// <summary><c>selfservice.flows.verification.after</c>: hooks and continue URL after verification.</summary>
    [ConfigurationKeyName("after")]
    public AfterHooksOptions After { get; set; } = new();
}
