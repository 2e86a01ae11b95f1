using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.methods.passkey.config.authenticator_selection</c>.</summary>
internal sealed class AuthenticatorSelectionOptions
{
    /// <summary><c>...authenticator_selection.attachment</c>: <c>platform</c>, <c>cross-platform</c> or unset.</summary>
    [ConfigurationKeyName("attachment")]
    [AllowedValues(null, "platform", "cross-platform")]
    public string? Attachment { get; set; }

    /// <summary><c>...authenticator_selection.resident_key</c>: <c>required</c> (default), <c>preferred</c>, <c>discouraged</c>.</summary>
    [ConfigurationKeyName("resident_key")]
    [AllowedValues("required", "preferred", "discouraged")]
    public string ResidentKey { get; set; } = "required";

    /// <summary><c>...authenticator_selection.user_verification</c>: <c>preferred</c> (default), <c>required</c>, <c>discouraged</c>.</summary>
    [ConfigurationKeyName("user_verification")]
    [AllowedValues("required", "preferred", "discouraged")]
    public string UserVerification { get; set; } = "preferred";
}
