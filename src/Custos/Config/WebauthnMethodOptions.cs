using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.methods.webauthn</c>.</summary>
internal sealed class WebauthnMethodOptions : IValidatableObject
{
    /// <summary><c>selfservice.methods.webauthn.enabled</c>. Default false.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; }

    /// <summary><c>selfservice.methods.webauthn.config</c>.</summary>
    [ConfigurationKeyName("config")]
    public WebauthnConfigOptions Config { get; set; } = new();

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Enabled ? Config.Rp.ValidateRequired("config.rp", requireOrigin: true) : [];
}
