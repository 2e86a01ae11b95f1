using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.methods.profile</c>.</summary>
internal sealed class ProfileMethodOptions
{
    /// <summary><c>selfservice.methods.profile.enabled</c>. Default true.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; } = true;
}
