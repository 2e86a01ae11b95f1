namespace Custos.SelfService.Ui;

/// <summary>Verification messages: 1080001–1080005 and 4070001–4070006.</summary>
internal static partial class Messages
{
    public static UiText InfoSelfServiceVerificationEmailSent() =>
        Info(1080001, "An email containing a verification link has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with.");

    public static UiText InfoSelfServiceVerificationSuccessful() => Success(1080002, "You successfully verified your email address.");

    public static UiText InfoSelfServiceVerificationEmailWithCodeSent() =>
        Info(1080003, "An email containing a verification code has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with.");

    public static UiText InfoSelfServiceVerificationPhoneWithCodeSent() =>
        Info(1080004, "A text message containing a verification code has been sent to the phone number you provided. If you have not received a text message, check the spelling of the number and make sure to use the number you registered with.");

    public static UiText InfoSelfServiceVerificationPhoneSuccessful() => Success(1080005, "You successfully verified your phone number.");

    public static UiText ErrorValidationVerificationTokenInvalidOrAlreadyUsed() =>
        Error(4070001, "The verification token is invalid or has already been used. Please retry the flow.");

    public static UiText ErrorValidationVerificationRetrySuccess() =>
        Error(4070002, "The request was already completed successfully and can not be retried.");

    public static UiText ErrorValidationVerificationStateFailure() => Error(4070003, "The verification flow reached a failure state and must be retried.");

    /// <summary>4070005; <paramref name="clock"/> defaults to the system clock.</summary>
    public static UiText ErrorValidationVerificationFlowExpired(DateTime expiredAt, TimeProvider? clock = null) =>
        FlowExpired(4070005, "verification", expiredAt, clock);

    public static UiText ErrorValidationVerificationCodeInvalidOrAlreadyUsed() =>
        Error(4070006, "The verification code is invalid or has already been used. Please try again.");
}
