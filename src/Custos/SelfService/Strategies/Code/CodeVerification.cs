using Custos.Identity;
using Custos.SelfService.Flows;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Code;

/// <summary>A checked code: its status and, when <see cref="CodeVerificationStatus.Ok"/>, the address the code was sent to.</summary>
internal sealed record CodeVerification(CodeVerificationStatus Status, CodeAddress? Address = null)
{
    public bool IsOk => Status == CodeVerificationStatus.Ok;

    /// <summary>With <see cref="CodeVerificationStatus.Throttled"/>: the seconds until the window ends.</summary>
    public int RetryAfterSeconds { get; init; }

    /// <summary>The node the message belongs to (<c>code</c> for a missing code), or null for <c>ui.messages</c>.</summary>
    public string? MessageNode => Status == CodeVerificationStatus.MissingCode ? "code" : null;

    /// <summary>
    /// Kratos's message for a failed check on a login or registration flow: 4000002 on <c>code</c>, 4010008 / 4040003
    /// for a wrong or expired code, 4000001 for a used-up code or too many attempts; null when the code was right.
    /// </summary>
    public UiText? Message(FlowKind kind) => Status switch
    {
        CodeVerificationStatus.Ok => null,
        CodeVerificationStatus.MissingCode => Messages.ErrorValidationRequired("code"),
        CodeVerificationStatus.AlreadyUsed => CodeErrors.AlreadyUsed(),
        CodeVerificationStatus.TooManyAttempts => CodeErrors.SubmittedTooOften(),
        CodeVerificationStatus.Throttled => Messages.ErrorValidationThrottled(RetryAfterSeconds),
        _ => kind == FlowKind.Registration
            ? Messages.ErrorValidationRegistrationCodeInvalidOrAlreadyUsed()
            : Messages.ErrorValidationLoginCodeInvalidOrAlreadyUsed(),
    };
}
