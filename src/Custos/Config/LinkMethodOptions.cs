using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.methods.link</c>.</summary>
internal sealed class LinkMethodOptions
{
    /// <summary><c>selfservice.methods.link.enabled</c>. Default false.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; }

    /// <summary><c>selfservice.methods.link.config</c>.</summary>
    [ConfigurationKeyName("config")]
    public LinkConfigOptions Config { get; set; } = new();
}
