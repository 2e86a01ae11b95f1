namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>The WebAuthn state that changes outside an identity update: spent challenges and sign counters.</summary>
internal interface IWebAuthnStore
{
    /// <summary>Spends a challenge; false when it was spent before (a replay, or a parallel submission that lost).</summary>
    Task<bool> TrySpendChallengeAsync(byte[] challenge, DateTime now, CancellationToken ct);

    /// <summary>
    /// Applies a verified login to the stored key: the counter only rises, a counter that should have risen flags the
    /// key (<c>clone_warning</c>), the backup state follows the authenticator. Re-reads the stored config and writes it
    /// only if unchanged meanwhile, so parallel logins never lower the counter.
    /// </summary>
    Task RecordLoginAsync(Guid identityId, string credentialType, VerifiedAssertion assertion, DateTime now, CancellationToken ct);

    /// <summary>The identity whose <c>webauthn</c> credential has this user handle (the passkey login's migration path, §4.9 #10).</summary>
    Task<Guid?> FindIdentityByWebAuthnUserHandleAsync(byte[] userHandle, CancellationToken ct);
}
