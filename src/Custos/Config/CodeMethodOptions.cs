using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.methods.code</c>.</summary>
internal sealed class CodeMethodOptions
{
    /// <summary><c>selfservice.methods.code.enabled</c>: codes for recovery/verification. Default true.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; } = true;

    /// <summary><c>selfservice.methods.code.passwordless_enabled</c>: code as first factor. Default false.</summary>
    [ConfigurationKeyName("passwordless_enabled")]
    public bool PasswordlessEnabled { get; set; }

    /// <summary><c>selfservice.methods.code.mfa_enabled</c>: code as second factor. Default false.</summary>
    [ConfigurationKeyName("mfa_enabled")]
    public bool MfaEnabled { get; set; }

    /// <summary><c>selfservice.methods.code.config</c>.</summary>
    [ConfigurationKeyName("config")]
    public CodeConfigOptions Config { get; set; } = new();
}
