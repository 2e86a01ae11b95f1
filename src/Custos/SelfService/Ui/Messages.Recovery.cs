using System.Globalization;
using Custos.Hosting;

namespace Custos.SelfService.Ui;

/// <summary>Recovery messages: 1060001–1060007 and 4060001–4060006.</summary>
internal static partial class Messages
{
    /// <summary>1060001 with Go's <c>%.2f</c> of the minutes left; <paramref name="clock"/> defaults to the system clock.</summary>
    public static UiText InfoSelfServiceRecoverySuccessful(DateTime privilegedSessionExpiresAt, TimeProvider? clock = null)
    {
        var left = (Utc(privilegedSessionExpiresAt) - (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime).TotalMinutes;
        var expiresAt = KratosTime.Format(privilegedSessionExpiresAt);
        return Success(1060001,
            string.Create(CultureInfo.InvariantCulture,
                $"You successfully recovered your account. Please change your password or set up an alternative login method (e.g. social sign in) within the next {left:F2} minutes."),
            ("privilegedSessionExpiresAt", expiresAt), ("privileged_session_expires_at", expiresAt),
            ("privileged_session_expires_at_unix", Unix(privilegedSessionExpiresAt)));
    }

    public static UiText InfoSelfServiceRecoveryEmailSent() =>
        Info(1060002, "An email containing a recovery link has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with.");

    public static UiText InfoSelfServiceRecoveryEmailWithCodeSent() =>
        Info(1060003, "An email containing a recovery code has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with.");

    public static UiText InfoSelfServiceRecoveryMessageMaskedWithCodeSent(string maskedAddress) =>
        Info(1060004, $"A recovery code has been sent to {maskedAddress}. If you have not received it, check the spelling of the address and make sure to use the address you registered with.",
            ("masked_address", maskedAddress));

    public static UiText InfoSelfServiceRecoveryAskForFullAddress() =>
        Info(1060005, "Recover access to your account by providing your recovery address in full.");

    public static UiText InfoSelfServiceRecoveryAskToChooseAddress() => Info(1060006, "How do you want to recover your account?");

    public static UiText InfoSelfServiceRecoveryBack() => Info(1060007, "Back");

    public static UiText ErrorValidationRecoveryRetrySuccess() => Error(4060001, "The request was already completed successfully and can not be retried.");

    public static UiText ErrorValidationRecoveryStateFailure() => Error(4060002, "The recovery flow reached a failure state and must be retried.");

    public static UiText ErrorValidationRecoveryTokenInvalidOrAlreadyUsed() =>
        Error(4060004, "The recovery token is invalid or has already been used. Please retry the flow.");

    /// <summary>4060005; <paramref name="clock"/> defaults to the system clock.</summary>
    public static UiText ErrorValidationRecoveryFlowExpired(DateTime expiredAt, TimeProvider? clock = null) =>
        FlowExpired(4060005, "recovery", expiredAt, clock);

    public static UiText ErrorValidationRecoveryCodeInvalidOrAlreadyUsed() =>
        Error(4060006, "The recovery code is invalid or has already been used. Please try again.");
}
