namespace Custos.SelfService.Strategies.Code;

/// <summary>Persists one-time codes and link tokens as HMACs; using one is atomic, so a secret is consumed at most once.</summary>
internal interface IOneTimeSecretStore
{
    Task CreateAsync(OneTimeSecret secret, CancellationToken ct);

    /// <summary>Deletes the secrets of this kind issued for a flow (a resend replaces the previous code).</summary>
    Task DeleteForFlowAsync(OneTimeSecretKind kind, Guid flowId, CancellationToken ct);

    /// <summary>
    /// Marks the unused secret whose HMAC is one of <paramref name="hmacs"/> as used and returns it; null when none
    /// matches or another caller used it first. <paramref name="flowId"/>, when given, limits the search to that flow.
    /// The caller checks <see cref="OneTimeSecret.ExpiresAt"/>: an expired secret is consumed too, so it cannot be retried.
    /// </summary>
    Task<OneTimeSecret?> UseAsync(OneTimeSecretKind kind, Guid? flowId, IReadOnlyList<string> hmacs, DateTime now, CancellationToken ct);

    /// <summary>
    /// Marks the unused, unexpired secret described by <paramref name="match"/> as used with one conditional
    /// <c>UPDATE</c>, so of parallel submissions of one secret exactly one gets <see cref="OneTimeSecretOutcome.Used"/>.
    /// Otherwise says why not (not found, expired, already used); an expired secret is left unused, as in Kratos.
    /// </summary>
    Task<OneTimeSecretUse> ConsumeAsync(OneTimeSecretKind kind, OneTimeSecretMatch match, DateTime now, CancellationToken ct);
}
