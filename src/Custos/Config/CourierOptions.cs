using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>courier</c>: outgoing e-mail and SMS.</summary>
internal sealed class CourierOptions
{
    /// <summary><c>courier.delivery_strategy</c>: <c>smtp</c> (default) or <c>http</c> for e-mail delivery.</summary>
    [ConfigurationKeyName("delivery_strategy")]
    [AllowedValues("smtp", "http")]
    public string DeliveryStrategy { get; set; } = "smtp";

    /// <summary><c>courier.smtp</c>.</summary>
    [ConfigurationKeyName("smtp")]
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary><c>courier.http</c>: e-mail over HTTP when <c>delivery_strategy</c> is <c>http</c>.</summary>
    [ConfigurationKeyName("http")]
    public CourierHttpOptions Http { get; set; } = new();

    /// <summary><c>courier.channels</c>: extra channels such as <c>sms</c>.</summary>
    [ConfigurationKeyName("channels")]
    public List<CourierChannelOptions> Channels { get; set; } = [];

    /// <summary><c>courier.message_retries</c>: delivery attempts before a message is abandoned. Default 5.</summary>
    [ConfigurationKeyName("message_retries")]
    [Range(0, int.MaxValue)]
    public int MessageRetries { get; set; } = 5;

    /// <summary><c>courier.worker</c>: queue polling.</summary>
    [ConfigurationKeyName("worker")]
    public CourierWorkerOptions Worker { get; set; } = new();

    /// <summary><c>courier.template_override_path</c>: directory with template overrides.</summary>
    [ConfigurationKeyName("template_override_path")]
    public string? TemplateOverridePath { get; set; }

    /// <summary><c>courier.templates.&lt;type&gt;</c>: remote template overrides by template type (<c>recovery_code</c>, ...).</summary>
    [ConfigurationKeyName("templates")]
    public Dictionary<string, CourierTemplateSetOptions> Templates { get; set; } = [];

    /// <summary>The channel with this id, or null.</summary>
    public CourierChannelOptions? FindChannel(string id) => Channels.Find(c => c.Id == id);
}
