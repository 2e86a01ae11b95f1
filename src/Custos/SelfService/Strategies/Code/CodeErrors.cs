using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Code;

/// <summary>
/// Kratos's herodot 400 reasons of the code method, shown as the generic 4000001 with the reason as text. They are not
/// rows of Kratos's message catalogue, so they live here and not in <see cref="Messages"/> (one factory per id).
/// </summary>
internal static class CodeErrors
{
    /// <summary>Kratos's <c>ErrCodeAlreadyUsed</c>: a parallel submission used the code first.</summary>
    public static UiText AlreadyUsed() => Messages.ErrorValidationGeneric("The code was already used. Please request another code.");

    /// <summary>Kratos's <c>ErrCodeSubmittedTooOften</c>: the flow's <c>max_submissions</c> is used up; only a new flow helps.</summary>
    public static UiText SubmittedTooOften() => Messages.ErrorValidationGeneric("The request was submitted too often. Please request another code.");
}
