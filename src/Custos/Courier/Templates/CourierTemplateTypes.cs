namespace Custos.Courier.Templates;

/// <summary>Kratos's courier template types, as stored in <c>courier_messages.template_type</c>.</summary>
internal static class CourierTemplateTypes
{
    public const string RecoveryValid = "recovery_valid";
    public const string RecoveryInvalid = "recovery_invalid";
    public const string RecoveryCodeValid = "recovery_code_valid";
    public const string RecoveryCodeInvalid = "recovery_code_invalid";
    public const string VerificationValid = "verification_valid";
    public const string VerificationInvalid = "verification_invalid";
    public const string VerificationCodeValid = "verification_code_valid";
    public const string VerificationCodeInvalid = "verification_code_invalid";
    public const string LoginCodeValid = "login_code_valid";
    public const string RegistrationCodeValid = "registration_code_valid";

    public static readonly IReadOnlyList<string> All =
    [
        RecoveryValid, RecoveryInvalid, RecoveryCodeValid, RecoveryCodeInvalid,
        VerificationValid, VerificationInvalid, VerificationCodeValid, VerificationCodeInvalid,
        LoginCodeValid, RegistrationCodeValid,
    ];
}
