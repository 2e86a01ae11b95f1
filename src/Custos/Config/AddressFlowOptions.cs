using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.flows.recovery</c> and <c>selfservice.flows.verification</c>: the two flows that send a code or link to an address share their keys.</summary>
internal sealed class AddressFlowOptions
{
    /// <summary><c>enabled</c>. Default false.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; }

    /// <summary><c>ui_url</c>: the flow's UI. Unset: the built-in page <c>&lt;public base url&gt;ui/recovery</c> or <c>ui/verification</c>.</summary>
    [ConfigurationKeyName("ui_url")]
    [ConfigUrl]
    public string UiUrl { get; set; } = "";

    /// <summary><c>lifespan</c>. Default 1h.</summary>
    [ConfigurationKeyName("lifespan")]
    public TimeSpan Lifespan { get; set; } = TimeSpan.FromHours(1);

    /// <summary><c>use</c>: <c>code</c> (default) or <c>link</c>.</summary>
    [ConfigurationKeyName("use")]
    public AddressFlowStrategy Use { get; set; } = AddressFlowStrategy.Code;

    /// <summary><c>notify_unknown_recipients</c>: send the <c>*_invalid</c> message to unknown addresses. Default false.</summary>
    [ConfigurationKeyName("notify_unknown_recipients")]
    public bool NotifyUnknownRecipients { get; set; }

    /// <summary><c>before</c>: hooks run when a flow is created.</summary>
    [ConfigurationKeyName("before")]
    public BeforeHooksOptions Before { get; set; } = new();

    /// <summary><c>after</c>: hooks and the return URL after the flow succeeds.</summary>
    [ConfigurationKeyName("after")]
    public AfterHooksOptions After { get; set; } = new();
}
