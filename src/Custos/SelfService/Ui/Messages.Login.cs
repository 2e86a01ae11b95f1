using Custos.Schema.Validation;

namespace Custos.SelfService.Ui;

/// <summary>Login messages: 1010001–1010025 and 4010001–4010011.</summary>
internal static partial class Messages
{
    public static UiText InfoSelfServiceLogin() => Info(1010001, "Sign in");

    public static UiText InfoSelfServiceLoginWith(string provider, string providerId) =>
        Info(1010002, $"Sign in with {provider}", ("provider", provider), ("provider_id", providerId));

    public static UiText InfoSelfServiceLoginReAuth() => Info(1010003, "Please confirm this action by verifying that it is you.");

    public static UiText InfoSelfServiceLoginMFA() => Info(1010004, "Please complete the second authentication challenge.");

    public static UiText InfoSelfServiceLoginVerify() => Info(1010005, "Verify");

    public static UiText InfoSelfServiceLoginTOTPLabel() => Info(1010006, "Authentication code");

    public static UiText InfoLoginLookupLabel() => Info(1010007, "Backup recovery code");

    public static UiText InfoSelfServiceLoginWebAuthn() => Info(1010008, "Sign in with a hardware key");

    public static UiText InfoLoginTOTP() => Info(1010009, "Use Authenticator");

    public static UiText InfoLoginLookup() => Info(1010010, "Use backup recovery code");

    public static UiText InfoSelfServiceLoginContinueWebAuthn() => Info(1010011, "Sign in with a hardware key");

    public static UiText InfoSelfServiceLoginWebAuthnPasswordless() =>
        Info(1010012, "Prepare your WebAuthn device (e.g. security key, biometrics scanner, ...) and press continue.");

    public static UiText InfoSelfServiceLoginContinue() => Info(1010013, "Continue");

    public static UiText InfoSelfServiceLoginCodeSent() =>
        Info(1010014, "A code was sent to the address you provided. If you didn't receive it, please check the spelling of the address and try again.");

    public static UiText InfoSelfServiceLoginCode() => Info(1010015, "Send sign in code");

    public static UiText InfoSelfServiceLoginLink(string duplicateIdentifier, string provider, string newLoginUrl,
        IReadOnlyList<string> availableCredentialTypes, IReadOnlyList<string> availableProviders)
    {
        var identifier = GoText.Quote(duplicateIdentifier);
        return Info(1010016,
            $"You tried to sign in with {identifier}, but that email is already used by another account. Sign in to your account with one of the options below to add your account {identifier} at {GoText.Quote(provider)} as another way to sign in.",
            ("duplicateIdentifier", duplicateIdentifier), ("provider", provider), ("newLoginUrl", newLoginUrl),
            ("duplicate_identifier", duplicateIdentifier), ("new_login_url", newLoginUrl),
            ("available_credential_types", availableCredentialTypes), ("available_providers", availableProviders));
    }

    public static UiText InfoSelfServiceLoginAndLink() => Info(1010017, "Sign in and link");

    public static UiText InfoSelfServiceLoginWithAndLink(string provider) => Info(1010018, $"Confirm with {provider}", ("provider", provider));

    public static UiText InfoSelfServiceLoginCodeMFA() => Info(1010019, "Request code to continue");

    public static UiText InfoSelfServiceLoginPasskey() => Info(1010021, "Sign in with passkey");

    public static UiText InfoSelfServiceLoginPassword() => Info(1010022, "Sign in with password");

    public static UiText InfoSelfServiceLoginAAL2CodeAddress(string channel, string address) =>
        Info(1010023, $"Send code to {address}", ("address", address), ("channel", channel));

    public static UiText InfoSelfServiceLoginDeviceAuthn() => Info(1010024, "Sign in with a hardware key");

    public static UiText InfoSelfServiceLoginCodeSentForAuthenticatedUser() =>
        Info(1010025, "A code was sent to your address. If you didn't receive it, please try again.");

    /// <summary>4010001; <paramref name="clock"/> defaults to the system clock.</summary>
    public static UiText ErrorValidationLoginFlowExpired(DateTime expiredAt, TimeProvider? clock = null) => FlowExpired(4010001, "login", expiredAt, clock);

    public static UiText ErrorValidationLoginNoStrategyFound() =>
        Error(4010002, "Could not find a strategy to log you in with. Did you fill out the form correctly?");

    public static UiText ErrorValidationRegistrationNoStrategyFound() =>
        Error(4010003, "Could not find a strategy to sign you up with. Did you fill out the form correctly?");

    public static UiText ErrorValidationSettingsNoStrategyFound() =>
        Error(4010004, "Could not find a strategy to update your settings. Did you fill out the form correctly?");

    public static UiText ErrorValidationRecoveryNoStrategyFound() =>
        Error(4010005, "Could not find a strategy to recover your account with. Did you fill out the form correctly?");

    public static UiText ErrorValidationVerificationNoStrategyFound() =>
        Error(4010006, "Could not find a strategy to verify your account with. Did you fill out the form correctly?");

    public static UiText ErrorValidationLoginRetrySuccess() => Error(4010007, "The request was already completed successfully and can not be retried.");

    public static UiText ErrorValidationLoginCodeInvalidOrAlreadyUsed() =>
        Error(4010008, "The login code is invalid or has already been used. Please try again.");

    public static UiText ErrorValidationLoginLinkedCredentialsDoNotMatch() => Error(4010009, "Linked credentials do not match.");

    public static UiText ErrorValidationLoginAddressUnknown() =>
        Error(4010010, "The address you entered does not match any known addresses in the current account.");

    public static UiText ErrorValidationIdentityDisabled() => Error(4010011, "This account has been disabled. Please contact support for assistance.");
}
