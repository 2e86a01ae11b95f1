using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.methods.code.config</c>.</summary>
internal sealed class CodeConfigOptions
{
    /// <summary><c>selfservice.methods.code.config.lifespan</c>: code validity. Default 1h.</summary>
    [ConfigurationKeyName("lifespan")]
    public TimeSpan Lifespan { get; set; } = TimeSpan.FromHours(1);

    /// <summary><c>selfservice.methods.code.config.max_submissions</c>: wrong attempts before invalidation, 1..255. Default 5.</summary>
    [ConfigurationKeyName("max_submissions")]
    [Range(1, 255)]
    public int MaxSubmissions { get; set; } = 5;

    /// <summary><c>selfservice.methods.code.config.missing_credential_fallback_enabled</c>. Default false.</summary>
    [ConfigurationKeyName("missing_credential_fallback_enabled")]
    public bool MissingCredentialFallbackEnabled { get; set; }
}
