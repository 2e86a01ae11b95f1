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
}
