namespace Custos.SelfService.Ui;

/// <summary>Messages of the code method that Kratos shows through the generic 4000001 (herodot 400 reasons).</summary>
internal static partial class Messages
{
    /// <summary>Kratos's <c>ErrCodeAlreadyUsed</c>: a parallel submission used the code first.</summary>
    public static UiText ErrorValidationCodeAlreadyUsed() => ErrorValidationGeneric("The code was already used. Please request another code.");

    /// <summary>Kratos's <c>ErrCodeSubmittedTooOften</c>: the flow's <c>max_submissions</c> is used up; only a new flow helps.</summary>
    public static UiText ErrorValidationCodeSubmittedTooOften() => ErrorValidationGeneric("The request was submitted too often. Please request another code.");
}
