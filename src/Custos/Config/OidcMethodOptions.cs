using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.methods.oidc</c>.</summary>
internal sealed class OidcMethodOptions
{
    /// <summary><c>selfservice.methods.oidc.enabled</c>. Default false.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; }

    /// <summary><c>selfservice.methods.oidc.config</c>.</summary>
    [ConfigurationKeyName("config")]
    public OidcConfigOptions Config { get; set; } = new();
}
