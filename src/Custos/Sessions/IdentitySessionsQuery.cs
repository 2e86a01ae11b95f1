namespace Custos.Sessions;

/// <summary>
/// Which sessions of one identity to list (offset pagination). <see cref="Active"/> filters on the effective state at
/// <see cref="Now"/> (stored flag and expiry); <see cref="ExceptSessionId"/> leaves out one session (the caller's own).
/// </summary>
internal sealed record IdentitySessionsQuery(Guid IdentityId, DateTime Now)
{
    public bool? Active { get; init; }
    public Guid? ExceptSessionId { get; init; }
    public int Offset { get; init; }
    public int Limit { get; init; } = 250;
}
