namespace Custos.SelfService.Strategies.Code;

/// <summary>The states a flow passes through with the code method (<c>flow.State</c>, stored in the flow row).</summary>
internal static class CodeFlowStates
{
    public const string ChooseMethod = "choose_method";
    public const string SentEmail = "sent_email";
    public const string PassedChallenge = "passed_challenge";

    /// <summary>
    /// The state a submission is handled in: <c>resend=code</c> (any case) goes back to <c>choose_method</c>, so the send
    /// step runs again and replaces the codes; an unset state is <c>choose_method</c>.
    /// </summary>
    public static string Effective(string? state, string? resend) =>
        string.Equals(resend, "code", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(state) ? ChooseMethod : state;
}
