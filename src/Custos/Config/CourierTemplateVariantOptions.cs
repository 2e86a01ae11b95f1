using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>courier.templates.&lt;type&gt;.{valid,invalid}</c>.</summary>
internal sealed class CourierTemplateVariantOptions
{
    /// <summary><c>...{valid,invalid}.email</c>.</summary>
    [ConfigurationKeyName("email")]
    public EmailTemplateOptions Email { get; set; } = new();

    /// <summary><c>...{valid,invalid}.sms</c>.</summary>
    [ConfigurationKeyName("sms")]
    public SmsTemplateOptions Sms { get; set; } = new();
}
