namespace Custos.Admin.Keys;

/// <summary>The <c>admin_api_keys</c> table. Scoped: it writes through the scope's <c>DbSession</c>.</summary>
internal interface IAdminKeyStore
{
    /// <summary>Stores a new key.</summary>
    Task CreateAsync(AdminApiKey key, CancellationToken ct);

    /// <summary>The key whose hash is <paramref name="keyHash"/> (revoked and expired ones included), or null.</summary>
    Task<AdminApiKey?> FindByHashAsync(string keyHash, CancellationToken ct);

    /// <summary>Every key that is not revoked, oldest first (expired ones included, so they can be seen and revoked).</summary>
    Task<IReadOnlyList<AdminApiKey>> ListAsync(CancellationToken ct);

    /// <summary>Marks a key revoked; false when there is no such key or it was already revoked.</summary>
    Task<bool> RevokeAsync(Guid id, DateTime now, CancellationToken ct);

    /// <summary>Sets <c>last_used_at</c> unless it is already at or after <paramref name="notBefore"/> (another node just did).</summary>
    Task TouchAsync(Guid id, DateTime now, DateTime notBefore, CancellationToken ct);
}
