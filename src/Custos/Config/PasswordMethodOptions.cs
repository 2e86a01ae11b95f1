using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.methods.password</c>.</summary>
internal sealed class PasswordMethodOptions
{
    /// <summary><c>selfservice.methods.password.enabled</c>. Default true.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; } = true;

    /// <summary><c>selfservice.methods.password.config</c>: the password policy.</summary>
    [ConfigurationKeyName("config")]
    public PasswordConfigOptions Config { get; set; } = new();
}
