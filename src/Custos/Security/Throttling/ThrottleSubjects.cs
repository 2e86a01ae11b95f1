namespace Custos.Security.Throttling;

/// <summary>The kinds of <see cref="ThrottleKeyHasher.Subject"/>: what one proof of an account clears.</summary>
internal static class ThrottleSubjects
{
    /// <summary>A normalised login identifier (its per-address and ceiling counters).</summary>
    public const string Identifier = "identifier";

    /// <summary>An identity id (its code counters across flows).</summary>
    public const string Identity = "identity";
}
