namespace Custos.Security.Throttling;

/// <summary>
/// One counter: a rule and the keyed hash of what it counts (<see cref="ThrottleKeyHasher"/>), never the identifier or
/// address itself. <paramref name="Subject"/> groups the counters that one proof of the account clears together (the
/// hashed identifier of a login's per-address and ceiling counters); null when nothing clears the counter early.
/// </summary>
internal sealed record ThrottleKey(ThrottleRule Rule, string Hash, string? Subject = null);
