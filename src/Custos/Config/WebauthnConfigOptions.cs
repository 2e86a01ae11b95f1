using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.methods.webauthn.config</c>.</summary>
internal sealed class WebauthnConfigOptions
{
    /// <summary><c>selfservice.methods.webauthn.config.passwordless</c>: WebAuthn as first factor. Default false.</summary>
    [ConfigurationKeyName("passwordless")]
    public bool Passwordless { get; set; }

    /// <summary><c>selfservice.methods.webauthn.config.rp</c>: the relying party.</summary>
    [ConfigurationKeyName("rp")]
    public RelyingPartyOptions Rp { get; set; } = new();
}
