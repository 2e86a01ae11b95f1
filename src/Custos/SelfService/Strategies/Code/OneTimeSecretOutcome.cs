namespace Custos.SelfService.Strategies.Code;

/// <summary>What became of a submitted one-time secret.</summary>
internal enum OneTimeSecretOutcome
{
    /// <summary>The secret matched and this caller marked it used.</summary>
    Used,

    /// <summary>No secret of the flow matches (wrong code, another identity's code, a resent code's predecessor).</summary>
    NotFound,

    /// <summary>The secret matched but its lifespan is over; it stays unused, as in Kratos.</summary>
    Expired,

    /// <summary>The secret matched but was used already, e.g. by a parallel submission.</summary>
    AlreadyUsed,
}
