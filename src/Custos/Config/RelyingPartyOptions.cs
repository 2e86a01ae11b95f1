using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.methods.{webauthn,passkey}.config.rp</c>: the WebAuthn relying party.</summary>
internal sealed class RelyingPartyOptions
{
    /// <summary><c>...config.rp.id</c>: the RP id, usually the registrable domain.</summary>
    [ConfigurationKeyName("id")]
    public string? Id { get; set; }

    /// <summary><c>...config.rp.display_name</c>: the RP name shown by authenticators.</summary>
    [ConfigurationKeyName("display_name")]
    public string? DisplayName { get; set; }

    /// <summary><c>selfservice.methods.webauthn.config.rp.origin</c>: single allowed origin (legacy form of <c>origins</c>).</summary>
    [ConfigurationKeyName("origin")]
    [ConfigUrl(Absolute = true)]
    public string? Origin { get; set; }

    /// <summary><c>...config.rp.origins</c>: allowed origins.</summary>
    [ConfigurationKeyName("origins")]
    [ConfigUrl(Absolute = true)]
    public List<string> Origins { get; set; } = [];

    /// <summary><c>selfservice.methods.webauthn.config.rp.icon</c>: deprecated icon URL.</summary>
    [ConfigurationKeyName("icon")]
    [ConfigUrl(Absolute = true)]
    public string? Icon { get; set; }

    /// <summary><c>origins</c> when set, else the single <c>origin</c>, else empty.</summary>
    public IReadOnlyList<string> EffectiveOrigins() =>
        Origins.Count > 0 ? Origins : string.IsNullOrEmpty(Origin) ? [] : [Origin];

    /// <summary>The checks Kratos applies when the owning method is enabled.</summary>
    public IEnumerable<ValidationResult> ValidateRequired(string prefix, bool requireOrigin)
    {
        if (string.IsNullOrWhiteSpace(Id))
        {
            yield return new ValidationResult("a value is required when the method is enabled", [prefix + ".id"]);
        }

        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            yield return new ValidationResult("a value is required when the method is enabled", [prefix + ".display_name"]);
        }

        if (requireOrigin && EffectiveOrigins().Count == 0)
        {
            yield return new ValidationResult("origin or origins is required when the method is enabled", [prefix + ".origins"]);
        }
    }
}
