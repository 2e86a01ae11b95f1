using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.methods</c>: the authentication methods (strategies) and their settings.</summary>
internal sealed class MethodsOptions
{
    /// <summary><c>selfservice.methods.profile</c>: trait editing. Enabled by default.</summary>
    [ConfigurationKeyName("profile")]
    public ProfileMethodOptions Profile { get; set; } = new();

    /// <summary><c>selfservice.methods.password</c>. Enabled by default.</summary>
    [ConfigurationKeyName("password")]
    public PasswordMethodOptions Password { get; set; } = new();

    /// <summary><c>selfservice.methods.code</c>: one-time codes. Enabled by default.</summary>
    [ConfigurationKeyName("code")]
    public CodeMethodOptions Code { get; set; } = new();

    /// <summary><c>selfservice.methods.link</c>: magic links for recovery/verification. Disabled by default.</summary>
    [ConfigurationKeyName("link")]
    public LinkMethodOptions Link { get; set; } = new();

    /// <summary><c>selfservice.methods.totp</c>. Disabled by default.</summary>
    [ConfigurationKeyName("totp")]
    public TotpMethodOptions Totp { get; set; } = new();

    /// <summary><c>selfservice.methods.lookup_secret</c>: recovery codes. Disabled by default.</summary>
    [ConfigurationKeyName("lookup_secret")]
    public LookupSecretMethodOptions LookupSecret { get; set; } = new();

    /// <summary><c>selfservice.methods.webauthn</c>. Disabled by default.</summary>
    [ConfigurationKeyName("webauthn")]
    public WebauthnMethodOptions Webauthn { get; set; } = new();

    /// <summary><c>selfservice.methods.passkey</c>. Disabled by default.</summary>
    [ConfigurationKeyName("passkey")]
    public PasskeyMethodOptions Passkey { get; set; } = new();

    /// <summary><c>selfservice.methods.oidc</c>: social sign-in. Disabled by default.</summary>
    [ConfigurationKeyName("oidc")]
    public OidcMethodOptions Oidc { get; set; } = new();

    /// <summary><c>selfservice.methods.saml</c>: Ory Network only; kept as raw JSON.</summary>
    [ConfigurationKeyName("saml")]
    public JsonElement? Saml { get; set; }

    /// <summary><c>selfservice.methods.b2b</c>: Ory Network only; kept as raw JSON.</summary>
    [ConfigurationKeyName("b2b")]
    public JsonElement? B2b { get; set; }

    /// <summary>Whether the method with this id (<c>password</c>, <c>lookup_secret</c>, ...) is enabled; unknown ids are not.</summary>
    public bool IsEnabled(string method) => method switch
    {
        "profile" => Profile.Enabled,
        "password" => Password.Enabled,
        "code" => Code.Enabled,
        "link" => Link.Enabled,
        "totp" => Totp.Enabled,
        "lookup_secret" => LookupSecret.Enabled,
        "webauthn" => Webauthn.Enabled,
        "passkey" => Passkey.Enabled,
        "oidc" => Oidc.Enabled,
        _ => false,
    };
}
