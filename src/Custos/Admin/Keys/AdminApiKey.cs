namespace Custos.Admin.Keys;

/// <summary>One stored admin API key. <see cref="KeyHash"/> is the SHA-256 hex digest of the key; the key is never kept.</summary>
internal sealed record AdminApiKey
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required string KeyHash { get; init; }
    public required IReadOnlySet<string> Scopes { get; init; }
    public required DateTime CreatedAt { get; init; }
    public DateTime? ExpiresAt { get; init; }
    public DateTime? RevokedAt { get; init; }
    public DateTime? LastUsedAt { get; init; }

    /// <summary>Usable now: neither revoked nor expired.</summary>
    public bool IsActive(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
