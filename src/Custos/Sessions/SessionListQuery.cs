namespace Custos.Sessions;

/// <summary>
/// One keyset page of all sessions: after <see cref="After"/> (exclusive) in <c>created_at</c> desc, id desc order.
/// <see cref="Active"/> filters on the effective state at <see cref="Now"/> (stored flag and expiry).
/// </summary>
internal sealed record SessionListQuery(DateTime Now)
{
    public int PageSize { get; init; } = 250;
    public SessionCursor? After { get; init; }
    public bool? Active { get; init; }
    public bool WithIdentity { get; init; }
}
