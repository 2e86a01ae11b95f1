namespace Custos.SelfService.Strategies.Totp;

/// <summary>What a <c>totp_code</c> submitted to an aal2 login flow proved.</summary>
internal enum TotpLoginOutcome
{
    /// <summary>A valid code of a step not used before: append AMR <c>{totp, aal2}</c> to the session.</summary>
    Verified,

    /// <summary>The identity has no <c>totp</c> credential: 4000011 on the form.</summary>
    NoDevice,

    /// <summary>The code matches none of the previous, current and next step: 4000008 on the form.</summary>
    InvalidCode,

    /// <summary>A valid code whose step (or a later one) was already accepted: 4000008 on the form, like a wrong code.</summary>
    Replayed,
}
