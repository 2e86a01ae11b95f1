using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.methods.password.config</c>: password policy.</summary>
internal sealed class PasswordConfigOptions
{
    /// <summary><c>selfservice.methods.password.config.haveibeenpwned_host</c>. Default <c>api.pwnedpasswords.com</c>.</summary>
    [ConfigurationKeyName("haveibeenpwned_host")]
    public string HaveibeenpwnedHost { get; set; } = "api.pwnedpasswords.com";

    /// <summary><c>selfservice.methods.password.config.haveibeenpwned_enabled</c>. Default true.</summary>
    [ConfigurationKeyName("haveibeenpwned_enabled")]
    public bool HaveibeenpwnedEnabled { get; set; } = true;

    /// <summary><c>selfservice.methods.password.config.max_breaches</c>: allowed breach count, 0..100. Default 0.</summary>
    [ConfigurationKeyName("max_breaches")]
    [Range(0, 100)]
    public int MaxBreaches { get; set; }

    /// <summary><c>selfservice.methods.password.config.ignore_network_errors</c>. Default true.</summary>
    [ConfigurationKeyName("ignore_network_errors")]
    public bool IgnoreNetworkErrors { get; set; } = true;

    /// <summary><c>selfservice.methods.password.config.min_password_length</c>: at least 6. Default 8.</summary>
    [ConfigurationKeyName("min_password_length")]
    [Range(6, int.MaxValue)]
    public int MinPasswordLength { get; set; } = 8;

    /// <summary><c>selfservice.methods.password.config.identifier_similarity_check_enabled</c>. Default true.</summary>
    [ConfigurationKeyName("identifier_similarity_check_enabled")]
    public bool IdentifierSimilarityCheckEnabled { get; set; } = true;

    /// <summary><c>selfservice.methods.password.config.migrate_hook</c>: password migration web hook.</summary>
    [ConfigurationKeyName("migrate_hook")]
    public PasswordMigrateHookOptions MigrateHook { get; set; } = new();
}
