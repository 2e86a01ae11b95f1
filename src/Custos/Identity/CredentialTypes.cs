namespace Custos.Identity;

/// <summary>Kratos credential type names.</summary>
internal static class CredentialTypes
{
    public const string Password = "password";
    public const string Oidc = "oidc";
    public const string Saml = "saml";
    public const string Totp = "totp";
    public const string LookupSecret = "lookup_secret";
    public const string WebAuthn = "webauthn";
    public const string Passkey = "passkey";
    public const string Code = "code";
    public const string Profile = "profile";
    public const string DeviceAuthn = "deviceauthn";
    public const string IdentifierFirst = "identifier_first";
    public const string LinkRecovery = "link_recovery";
    public const string CodeRecovery = "code_recovery";

    /// <summary>Every name accepted by <c>include_credential</c>.</summary>
    public static readonly IReadOnlySet<string> Includable = new HashSet<string>(StringComparer.Ordinal)
    {
        Password, Oidc, Saml, Totp, LookupSecret, WebAuthn, Code, Passkey, DeviceAuthn, LinkRecovery, CodeRecovery,
    };

    /// <summary>Every valid credential type name.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(Includable, StringComparer.Ordinal) { Profile, IdentifierFirst };
}
