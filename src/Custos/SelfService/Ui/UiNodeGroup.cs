namespace Custos.SelfService.Ui;

/// <summary>Kratos's node groups: the method a node belongs to.</summary>
internal static class UiNodeGroup
{
    public const string Default = "default";
    public const string Password = "password";
    public const string Oidc = "oidc";
    public const string Profile = "profile";
    public const string Link = "link";
    public const string Code = "code";
    public const string Totp = "totp";
    public const string LookupSecret = "lookup_secret";
    public const string WebAuthn = "webauthn";
    public const string Passkey = "passkey";
    public const string IdentifierFirst = "identifier_first";
}
