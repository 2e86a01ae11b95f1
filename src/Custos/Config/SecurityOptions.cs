using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>security</c>.</summary>
internal sealed class SecurityOptions
{
    /// <summary><c>security.account_enumeration</c>.</summary>
    [ConfigurationKeyName("account_enumeration")]
    public AccountEnumerationOptions AccountEnumeration { get; set; } = new();

    /// <summary><c>security.disallow_ref_in_identity_schemas</c>: reject <c>$ref</c> in identity schemas. Default false.</summary>
    [ConfigurationKeyName("disallow_ref_in_identity_schemas")]
    public bool DisallowRefInIdentitySchemas { get; set; }

    /// <summary><c>security.throttling</c>: brute-force and abuse limits (a Custos key).</summary>
    [ConfigurationKeyName("throttling")]
    public ThrottlingOptions Throttling { get; set; } = new();
}
