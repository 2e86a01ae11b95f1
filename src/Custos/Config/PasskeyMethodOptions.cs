using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.methods.passkey</c>.</summary>
internal sealed class PasskeyMethodOptions : IValidatableObject
{
    /// <summary><c>selfservice.methods.passkey.enabled</c>. Default false.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; }

    /// <summary><c>selfservice.methods.passkey.config</c>.</summary>
    [ConfigurationKeyName("config")]
    public PasskeyConfigOptions Config { get; set; } = new();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Enabled ? Config.Rp.ValidateRequired("config.rp", requireOrigin: false) : [];
}
