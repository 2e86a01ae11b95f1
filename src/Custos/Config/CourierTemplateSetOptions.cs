using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary>
/// <c>courier.templates.&lt;type&gt;</c>: <c>valid</c>/<c>invalid</c> variants, or (for <c>verifiable_address_changed</c>)
/// <c>email</c>/<c>sms</c> directly.
/// </summary>
internal sealed class CourierTemplateSetOptions
{
    /// <summary><c>courier.templates.&lt;type&gt;.valid</c>: sent to known recipients.</summary>
    [ConfigurationKeyName("valid")]
    public CourierTemplateVariantOptions Valid { get; set; } = new();

    /// <summary><c>courier.templates.&lt;type&gt;.invalid</c>: sent to unknown recipients.</summary>
    [ConfigurationKeyName("invalid")]
    public CourierTemplateVariantOptions Invalid { get; set; } = new();

    /// <summary><c>courier.templates.&lt;type&gt;.email</c>: for templates without variants.</summary>
    [ConfigurationKeyName("email")]
    public EmailTemplateOptions Email { get; set; } = new();

    /// <summary><c>courier.templates.&lt;type&gt;.sms</c>: for templates without variants.</summary>
    [ConfigurationKeyName("sms")]
    public SmsTemplateOptions Sms { get; set; } = new();
}
