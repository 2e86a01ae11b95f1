namespace Custos.Sessions;

/// <summary>
/// Persists sessions. Tokens are stored only as SHA-256 hex digests (<see cref="SessionTokens.Hash"/>). Reads that
/// load the identity load it without credentials but with its addresses. Methods return null for not-found.
/// </summary>
internal interface ISessionStore
{
    /// <summary>Inserts a new session under the digests of its session and logout tokens.</summary>
    Task CreateAsync(Session session, string tokenHash, string logoutTokenHash, CancellationToken ct);

    /// <summary>The session with this id, with or without its identity; null when unknown.</summary>
    Task<Session?> GetAsync(Guid id, bool withIdentity, CancellationToken ct);

    /// <summary>
    /// The session whose token has this digest, with its identity, in at most two statements (session joined with
    /// identity, then both address kinds at once); null when unknown. Revoked or expired sessions are returned too.
    /// Below aal2 the identity's credentials come along in the same statements (<c>Identity.CredentialsLoaded</c>), since
    /// the <c>highest_available</c> check needs them.
    /// </summary>
    Task<Session?> GetByTokenHashAsync(string tokenHash, CancellationToken ct);

    /// <summary>The session whose logout token has this digest, with its identity; null when unknown.</summary>
    Task<Session?> GetByLogoutTokenHashAsync(string logoutTokenHash, CancellationToken ct);

    /// <summary>One page of an identity's sessions, newest first, each with the identity.</summary>
    Task<IReadOnlyList<Session>> ListByIdentityAsync(IdentitySessionsQuery query, CancellationToken ct);

    /// <summary>How many sessions <see cref="ListByIdentityAsync"/> would return over all pages.</summary>
    Task<long> CountByIdentityAsync(IdentitySessionsQuery query, CancellationToken ct);

    /// <summary>One keyset page of all sessions, newest first (<c>created_at</c> desc, then id desc).</summary>
    Task<IReadOnlyList<Session>> ListAsync(SessionListQuery query, CancellationToken ct);

    /// <summary>Writes the mutable fields (active, times, level, methods, devices) of an existing session.</summary>
    Task UpdateAsync(Session session, CancellationToken ct);

    /// <summary>
    /// Replaces the digest of the session's token (the old token stops working at once); false when the id is unknown.
    /// </summary>
    Task<bool> ReplaceTokenAsync(Guid id, string tokenHash, CancellationToken ct);

    /// <summary>
    /// Marks the session revoked (data kept). With <paramref name="identityId"/>, only when it belongs to that identity.
    /// False when no such session exists.
    /// </summary>
    Task<bool> RevokeAsync(Guid id, Guid? identityId, CancellationToken ct);

    /// <summary>Revokes every still-flagged-active session of the identity except one; returns how many were revoked.</summary>
    Task<int> RevokeOthersAsync(Guid identityId, Guid exceptSessionId, CancellationToken ct);

    /// <summary>Deletes every session of the identity; returns how many rows were deleted.</summary>
    Task<int> DeleteByIdentityAsync(Guid identityId, CancellationToken ct);
}
