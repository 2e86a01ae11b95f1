using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.methods.passkey.config.attestation</c>.</summary>
internal sealed class AttestationOptions
{
    /// <summary><c>...attestation.preference</c>: <c>none</c> (default), <c>indirect</c>, <c>direct</c>, <c>enterprise</c>.</summary>
    [ConfigurationKeyName("preference")]
    [AllowedValues("none", "indirect", "direct", "enterprise")]
    public string Preference { get; set; } = "none";
}
