using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>courier.templates...sms</c>: template URIs for one SMS.</summary>
internal sealed class SmsTemplateOptions
{
    /// <summary><c>...sms.body</c>: body template URI (<c>plaintext</c> only).</summary>
    [ConfigurationKeyName("body")]
    public TemplateBodyOptions Body { get; set; } = new();
}
