using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.methods.lookup_secret</c>.</summary>
internal sealed class LookupSecretMethodOptions
{
    /// <summary><c>selfservice.methods.lookup_secret.enabled</c>. Default false.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; }
}
