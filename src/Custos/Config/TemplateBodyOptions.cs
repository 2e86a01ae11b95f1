using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>courier.templates...body</c>.</summary>
internal sealed class TemplateBodyOptions
{
    /// <summary><c>...body.plaintext</c>: plain-text template URI.</summary>
    [ConfigurationKeyName("plaintext")]
    [ConfigUrl(Absolute = true)]
    public string? Plaintext { get; set; }

    /// <summary><c>...body.html</c>: HTML template URI (e-mail only).</summary>
    [ConfigurationKeyName("html")]
    [ConfigUrl(Absolute = true)]
    public string? Html { get; set; }
}
