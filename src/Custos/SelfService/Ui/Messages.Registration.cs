namespace Custos.SelfService.Ui;

/// <summary>Registration messages: 1040001–1040009 and 4040001–4040003.</summary>
internal static partial class Messages
{
    public static UiText InfoSelfServiceRegistration() => Info(1040001, "Sign up");

    public static UiText InfoSelfServiceRegistrationWith(string provider, string providerId) =>
        Info(1040002, $"Sign up with {provider}", ("provider", provider), ("provider_id", providerId));

    public static UiText InfoSelfServiceRegistrationContinue() => Info(1040003, "Continue");

    public static UiText InfoSelfServiceRegistrationRegisterWebAuthn() => Info(1040004, "Sign up with security key");

    public static UiText InfoSelfServiceRegistrationEmailWithCodeSent() =>
        Info(1040005, "A code has been sent to the address(es) you provided. If you have not received a message, check the spelling of the address and retry the registration.");

    public static UiText InfoSelfServiceRegistrationRegisterCode() => Info(1040006, "Send sign up code");

    public static UiText InfoSelfServiceRegistrationRegisterPasskey() => Info(1040007, "Sign up with passkey");

    public static UiText InfoSelfServiceRegistrationBack() => Info(1040008, "Back");

    public static UiText InfoSelfServiceRegistrationChooseCredentials() => Info(1040009, "Please choose a credential to authenticate yourself with.");

    /// <summary>4040001; <paramref name="clock"/> defaults to the system clock.</summary>
    public static UiText ErrorValidationRegistrationFlowExpired(DateTime expiredAt, TimeProvider? clock = null) =>
        FlowExpired(4040001, "registration", expiredAt, clock);

    /// <summary>4040002. The name keeps the misspelling of Kratos's constant.</summary>
    public static UiText ErrorValidateionRegistrationRetrySuccess() =>
        Error(4040002, "The request was already completed successfully and can not be retried.");

    public static UiText ErrorValidationRegistrationCodeInvalidOrAlreadyUsed() =>
        Error(4040003, "The registration code is invalid or has already been used. Please try again.");
}
