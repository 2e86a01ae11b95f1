namespace Custos.SelfService.Strategies.LookupSecret;

/// <summary>
/// Reads an identity's backup codes and consumes one of them. Writing a whole new set goes through the identity
/// update of the settings flow, like every other credential change.
/// </summary>
internal interface ILookupSecretStore
{
    /// <summary>The identity's <c>lookup_secret</c> credential as stored now, or null when it has none.</summary>
    Task<StoredLookupSecret?> GetAsync(Guid identityId, CancellationToken ct);

    /// <summary>
    /// Sets <c>used_at</c> of entry <paramref name="index"/> of <c>recovery_codes</c>, in one conditional UPDATE that
    /// applies only while that entry still holds <paramref name="field"/> = <paramref name="value"/> and is unused.
    /// Of several concurrent calls for one entry exactly one gets true.
    /// </summary>
    Task<bool> TryMarkUsedAsync(Guid credentialId, int index, string field, string value, DateTime usedAt, CancellationToken ct);
}
