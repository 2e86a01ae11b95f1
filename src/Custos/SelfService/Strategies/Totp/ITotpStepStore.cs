namespace Custos.SelfService.Strategies.Totp;

/// <summary>
/// The last TOTP time step accepted per identity (<c>identity_totp_used_steps</c>), the replay protection Kratos does
/// not have: a code is accepted only for a step later than the last accepted one.
/// </summary>
internal interface ITotpStepStore
{
    /// <summary>
    /// Records <paramref name="step"/> as used when it is later than the identity's last used step, in one conditional
    /// statement, so of parallel submissions of one code exactly one succeeds. False when it (or a later step) was used.
    /// </summary>
    Task<bool> TryUseAsync(Guid identityId, long step, DateTime now, CancellationToken ct);

    /// <summary>Sets the last used step whatever it was: a new key was enrolled, and the old key's steps mean nothing for it.</summary>
    Task ResetAsync(Guid identityId, long step, DateTime now, CancellationToken ct);
}
