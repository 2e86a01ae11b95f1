namespace Custos.Identity;

/// <summary>Reads identities. Credentials are loaded only when asked for.</summary>
internal interface IIdentityPool
{
    /// <summary>The identity, or null when unknown.</summary>
    Task<Identity?> GetAsync(Guid id, bool withCredentials, CancellationToken ct);

    /// <summary>The identity with this external id, or null.</summary>
    Task<Identity?> GetByExternalIdAsync(string externalId, bool withCredentials, CancellationToken ct);

    /// <summary>One page of identities ordered by id.</summary>
    Task<IReadOnlyList<Identity>> ListAsync(IdentityListQuery query, CancellationToken ct);

    /// <summary>How many identities exist (for legacy offset pagination).</summary>
    Task<long> CountAsync(CancellationToken ct);
}
