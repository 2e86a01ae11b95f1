using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>courier.templates...email</c>: template URIs for one e-mail.</summary>
internal sealed class EmailTemplateOptions
{
    /// <summary><c>...email.subject</c>: subject template URI.</summary>
    [ConfigurationKeyName("subject")]
    [ConfigUrl(Absolute = true)]
    public string? Subject { get; set; }

    /// <summary><c>...email.body</c>: body template URIs.</summary>
    [ConfigurationKeyName("body")]
    public TemplateBodyOptions Body { get; set; } = new();
}
