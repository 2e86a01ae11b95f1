namespace Custos.Identity;

/// <summary>
/// A list request: keyset pagination (<see cref="After"/>) or offset pagination (<see cref="Offset"/>), and at most
/// one filter.
/// </summary>
internal sealed record IdentityListQuery
{
    public int PageSize { get; init; } = 250;
    public Guid? After { get; init; }
    public int? Offset { get; init; }
    public IReadOnlyList<Guid>? Ids { get; init; }
    public string? CredentialsIdentifier { get; init; }
    public string? CredentialsIdentifierPrefix { get; init; }
    public Guid? OrganizationId { get; init; }
    public bool WithCredentials { get; init; }
}
