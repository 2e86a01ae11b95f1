namespace Custos.SelfService.Strategies.Code;

/// <summary>The result of checking a submitted login or registration code.</summary>
internal enum CodeVerificationStatus
{
    /// <summary>The code was right, unexpired and unused; it is now used.</summary>
    Ok,

    /// <summary>No <c>code</c> was submitted (not counted as an attempt, as in Kratos).</summary>
    MissingCode,

    /// <summary>No such code for this flow (and identity, or traits' addresses); also an earlier code after a resend.</summary>
    WrongCode,

    /// <summary>The code matched but its lifespan is over; Kratos shows it as a wrong code.</summary>
    Expired,

    /// <summary>The code matched but a parallel submission used it first.</summary>
    AlreadyUsed,

    /// <summary>This attempt exceeded <c>max_submissions</c> for the flow; even the right code no longer works.</summary>
    TooManyAttempts,

    /// <summary><c>security.throttling.code_identity</c> is used up for the identity or address; the code was not looked at.</summary>
    Throttled,
}
