namespace Custos.SelfService.Ui;

/// <summary>Node labels: 1070001–1070018.</summary>
internal static partial class Messages
{
    public static UiText InfoNodeLabelInputPassword() => Info(1070001, "Password");

    /// <summary>1070002: a trait's label from its schema <c>title</c>; the text is the title, context {title, name}.</summary>
    public static UiText InfoNodeLabelGenerated(string title, string name) => Info(1070002, title, ("title", title), ("name", name));

    public static UiText InfoNodeLabelSave() => Info(1070003, "Save");

    public static UiText InfoNodeLabelID() => Info(1070004, "ID");

    public static UiText InfoNodeLabelSubmit() => Info(1070005, "Submit");

    public static UiText InfoNodeLabelVerifyOTP() => Info(1070006, "Verify code");

    public static UiText InfoNodeLabelEmail() => Info(1070007, "Email");

    public static UiText InfoNodeLabelResendOTP() => Info(1070008, "Resend code");

    public static UiText InfoNodeLabelContinue() => Info(1070009, "Continue");

    public static UiText InfoNodeLabelRecoveryCode() => Info(1070010, "Recovery code");

    public static UiText InfoNodeLabelVerificationCode() => Info(1070011, "Verification code");

    public static UiText InfoNodeLabelRegistrationCode() => Info(1070012, "Registration code");

    public static UiText InfoNodeLabelLoginCode() => Info(1070013, "Login code");

    public static UiText InfoNodeLabelLoginAndLinkCredential() => Info(1070014, "Login and link credential");

    public static UiText InfoNodeLabelCaptcha() => Info(1070015, "Please complete the captcha challenge to continue.");

    public static UiText InfoNodeLabelRecoveryAddress() => Info(1070016, "Recovery address");

    public static UiText InfoNodeLabelPhoneNumber() => Info(1070017, "Phone number");

    public static UiText InfoNodeLabelEmailOrPhone() => Info(1070018, "Email or phone number");
}
