namespace Custos.SelfService.Ui;

/// <summary>Settings messages: 1050001–1050023 and 4050001–4050002.</summary>
internal static partial class Messages
{
    public static UiText InfoSelfServiceSettingsUpdateSuccess() => Success(1050001, "Your changes have been saved!");

    public static UiText InfoSelfServiceSettingsUpdateLinkOidc(string provider) => Info(1050002, $"Link {provider}", ("provider", provider));

    public static UiText InfoSelfServiceSettingsUpdateUnlinkOidc(string provider) => Info(1050003, $"Unlink {provider}", ("provider", provider));

    public static UiText InfoSelfServiceSettingsUpdateUnlinkTOTP() => Info(1050004, "Unlink TOTP Authenticator App");

    public static UiText InfoSelfServiceSettingsTOTPQRCode() => Info(1050005, "Authenticator app QR code");

    public static UiText InfoSelfServiceSettingsTOTPSecret(string secret) => Info(1050006, secret, ("secret", secret));

    public static UiText InfoSelfServiceSettingsRevealLookup() => Info(1050007, "Reveal backup recovery codes");

    public static UiText InfoSelfServiceSettingsRegenerateLookup() => Info(1050008, "Generate new backup recovery codes");

    public static UiText InfoSelfServiceSettingsLookupSecret(string secret) => Info(1050009, secret, ("secret", secret));

    public static UiText InfoSelfServiceSettingsLookupSecretLabel() =>
        Info(1050010, "These are your back up recovery codes. Please keep them in a safe place!");

    public static UiText InfoSelfServiceSettingsLookupConfirm() => Info(1050011, "Confirm backup recovery codes");

    public static UiText InfoSelfServiceSettingsRegisterWebAuthn() => Info(1050012, "Add security key");

    public static UiText InfoSelfServiceSettingsRegisterWebAuthnDisplayName() => Info(1050013, "Name of the security key");

    public static UiText InfoSelfServiceSettingsLookupSecretUsed(DateTime usedAt) =>
        Info(1050014, $"Secret was used at {GoTimeString(usedAt)}", ("used_at", Hosting.KratosTime.Format(usedAt)), ("used_at_unix", Unix(usedAt)));

    /// <summary>1050015: the codes joined by ", "; the context carries one message (1050009 or 1050014) per code.</summary>
    public static UiText InfoSelfServiceSettingsLookupSecretList(IReadOnlyList<string> secrets, IReadOnlyList<UiText> perSecret) =>
        Info(1050015, string.Join(", ", secrets), ("secrets", perSecret));

    public static UiText InfoSelfServiceSettingsDisableLookup() => Info(1050016, "Disable this method");

    public static UiText InfoSelfServiceSettingsTOTPSecretLabel() =>
        Info(1050017, "This is your authenticator app secret. Use it if you can not scan the QR code.");

    public static UiText InfoSelfServiceSettingsRemoveWebAuthn(string displayName, DateTime addedAt) =>
        Info(1050018, $"Remove security key \"{displayName}\"",
            ("display_name", displayName), ("added_at", Hosting.KratosTime.Format(addedAt)), ("added_at_unix", Unix(addedAt)));

    public static UiText InfoSelfServiceSettingsRegisterPasskey() => Info(1050019, "Add passkey");

    public static UiText InfoSelfServiceSettingsRemovePasskey(string displayName, DateTime addedAt) =>
        Info(1050020, $"Remove passkey \"{displayName}\"",
            ("display_name", displayName), ("added_at", Hosting.KratosTime.Format(addedAt)), ("added_at_unix", Unix(addedAt)));

    public static UiText InfoSelfServiceSettingsManagedByOrganization() =>
        Info(1050023, "Your account is managed by your organization. To change these settings, contact your organization administrator.");

    /// <summary>4050001; <paramref name="clock"/> defaults to the system clock.</summary>
    public static UiText ErrorValidationSettingsFlowExpired(DateTime expiredAt, TimeProvider? clock = null) =>
        FlowExpired(4050001, "settings", expiredAt, clock);

    public static UiText ErrorValidationSettingsTooManyAddressChanges() =>
        Error(4050002, "You can only change one address at a time. Please update each address separately.");
}
