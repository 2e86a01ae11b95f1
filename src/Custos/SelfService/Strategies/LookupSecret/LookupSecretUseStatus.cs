namespace Custos.SelfService.Strategies.LookupSecret;

/// <summary>What became of a submitted backup code.</summary>
internal enum LookupSecretUseStatus
{
    /// <summary>The code was unused and is now marked used.</summary>
    Accepted,

    /// <summary>The body had no <c>lookup_secret</c> (4000002 on the node).</summary>
    Missing,

    /// <summary>The identity has no <c>lookup_secret</c> credential (4000014).</summary>
    NoCodes,

    /// <summary>The code exists but was used before, or by a concurrent submission (4000012).</summary>
    AlreadyUsed,

    /// <summary>No such code (4000016).</summary>
    Invalid,
}
