using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.methods.totp</c>.</summary>
internal sealed class TotpMethodOptions
{
    /// <summary><c>selfservice.methods.totp.enabled</c>. Default false.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; }

    /// <summary><c>selfservice.methods.totp.config</c>.</summary>
    [ConfigurationKeyName("config")]
    public TotpConfigOptions Config { get; set; } = new();
}
