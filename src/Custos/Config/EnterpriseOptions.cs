using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>enterprise</c>: accepted for compatibility.</summary>
internal sealed class EnterpriseOptions
{
    /// <summary><c>enterprise.identity_schema_fallback_url_template</c>.</summary>
    [ConfigurationKeyName("identity_schema_fallback_url_template")]
    public string? IdentitySchemaFallbackUrlTemplate { get; set; }
}
