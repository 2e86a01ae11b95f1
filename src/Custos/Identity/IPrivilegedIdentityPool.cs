namespace Custos.Identity;

/// <summary>Writes identities and finds them by credential identifier. Every write is one transaction.</summary>
internal interface IPrivilegedIdentityPool : IIdentityPool
{
    /// <summary>Inserts the identity with its credentials, identifiers and addresses. Throws <see cref="IdentityConflictException"/> on a duplicate.</summary>
    Task CreateAsync(Identity identity, CancellationToken ct);

    /// <summary>Replaces the identity row, its credentials, identifiers and addresses. Throws <see cref="IdentityConflictException"/> on a duplicate.</summary>
    Task UpdateAsync(Identity identity, CancellationToken ct);

    /// <summary>Deletes the identity and everything that references it; false when it did not exist.</summary>
    Task<bool> DeleteAsync(Guid id, CancellationToken ct);

    /// <summary>The identity (with credentials) owning <paramref name="identifier"/> for a credential type, or null.</summary>
    Task<Identity?> FindByCredentialsIdentifierAsync(string credentialType, string identifier, CancellationToken ct);

    /// <summary>
    /// The identity (with credentials) owning <paramref name="identifier"/> as an identifier of any credential type,
    /// compared as given and lower-cased (Kratos's case-insensitive lookup), or null.
    /// </summary>
    Task<Identity?> FindByAnyCredentialsIdentifierAsync(string identifier, CancellationToken ct);

    /// <summary>The verifiable address with this channel (<c>email</c>/<c>sms</c>) and normalised value, or null.</summary>
    Task<AddressOwner<VerifiableAddress>?> FindVerifiableAddressAsync(string via, string value, CancellationToken ct);

    /// <summary>The recovery address with this channel and normalised value, or null.</summary>
    Task<AddressOwner<RecoveryAddress>?> FindRecoveryAddressAsync(string via, string value, CancellationToken ct);

    /// <summary>Writes the verification state (<c>verified</c>, <c>verified_at</c>, <c>status</c>) of one address.</summary>
    Task UpdateVerifiableAddressAsync(VerifiableAddress address, CancellationToken ct);
}
