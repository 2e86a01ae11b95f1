namespace Custos.SelfService.Ui;

/// <summary>Throttling messages: Custos ids in Kratos's validation-error range, above every id Kratos uses (4000001–4000046).</summary>
internal static partial class Messages
{
    /// <summary>4000100: a submission refused by <c>security.throttling</c>; browsers see it on the flow's page instead of an error page.</summary>
    public static UiText ErrorValidationThrottled(int retryAfterSeconds) =>
        Error(4000100, $"Too many attempts. Please wait {Wait(retryAfterSeconds)} before trying again.", ("retry_after_seconds", retryAfterSeconds));

    private static string Wait(int seconds) => seconds switch
    {
        <= 90 => $"{seconds} seconds",
        <= 5400 => $"{(seconds + 59) / 60} minutes",
        _ => $"{(seconds + 3599) / 3600} hours",
    };
}
