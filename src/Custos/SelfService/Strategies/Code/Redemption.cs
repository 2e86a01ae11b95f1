namespace Custos.SelfService.Strategies.Code;

/// <summary>What became of a submitted code or link token (<see cref="OneTimeSecretRedeemer"/>).</summary>
internal abstract record Redemption
{
    private Redemption()
    {
    }

    /// <summary>No unused secret of the flow matches.</summary>
    public static readonly Redemption NotFound = new Unknown();

    /// <summary>No unused secret of the flow matches (wrong, or used already).</summary>
    public sealed record Unknown : Redemption;

    /// <summary>The secret matched but had expired; it is used up all the same, so it cannot be tried again.</summary>
    public sealed record Expired(DateTime ExpiredAt) : Redemption;

    /// <summary>The secret was good and is now used.</summary>
    public sealed record Redeemed(OneTimeSecret Secret) : Redemption;
}
