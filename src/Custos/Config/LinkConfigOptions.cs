using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.methods.link.config</c>.</summary>
internal sealed class LinkConfigOptions
{
    /// <summary><c>selfservice.methods.link.config.lifespan</c>: link validity. Default 1h.</summary>
    [ConfigurationKeyName("lifespan")]
    public TimeSpan Lifespan { get; set; } = TimeSpan.FromHours(1);

    /// <summary><c>selfservice.methods.link.config.base_url</c>: base URL for links in e-mails; defaults to the public base URL.</summary>
    [ConfigurationKeyName("base_url")]
    [ConfigUrl(Absolute = true)]
    public string? BaseUrl { get; set; }
}
