using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.methods.passkey.config</c>.</summary>
internal sealed class PasskeyConfigOptions
{
    /// <summary><c>selfservice.methods.passkey.config.rp</c>: the relying party (<c>id</c>, <c>display_name</c>, <c>origins</c>).</summary>
    [ConfigurationKeyName("rp")]
    public RelyingPartyOptions Rp { get; set; } = new();

    /// <summary><c>selfservice.methods.passkey.config.authenticator_selection</c>.</summary>
    [ConfigurationKeyName("authenticator_selection")]
    public AuthenticatorSelectionOptions AuthenticatorSelection { get; set; } = new();

    /// <summary><c>selfservice.methods.passkey.config.attestation</c>.</summary>
    [ConfigurationKeyName("attestation")]
    public AttestationOptions Attestation { get; set; } = new();

    /// <summary><c>selfservice.methods.passkey.config.timeouts</c>.</summary>
    [ConfigurationKeyName("timeouts")]
    public PasskeyTimeoutsOptions Timeouts { get; set; } = new();
}
