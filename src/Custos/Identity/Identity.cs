using System.Text.Json.Nodes;

namespace Custos.Identity;

/// <summary>An identity: traits validated by its schema, credentials, and the addresses derived from the traits.</summary>
internal sealed class Identity
{
    public required Guid Id { get; init; }
    public string? ExternalId { get; set; }
    public required string SchemaId { get; set; }
    public string State { get; set; } = IdentityStates.Active;
    public DateTime? StateChangedAt { get; set; }
    public required JsonNode Traits { get; set; }
    public JsonNode? MetadataPublic { get; set; }
    public JsonNode? MetadataAdmin { get; set; }
    public Guid? OrganizationId { get; set; }
    public string? AvailableAal { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Credentials keyed by type (<c>password</c>, <c>oidc</c>, ...).</summary>
    public Dictionary<string, Credentials> Credentials { get; init; } = new(StringComparer.Ordinal);

    /// <summary>
    /// True when <see cref="Credentials"/> was read from the store (and may be empty for an identity without any);
    /// false when the identity was read without them, so an empty dictionary says nothing.
    /// </summary>
    public bool CredentialsLoaded { get; set; }
    public List<VerifiableAddress> VerifiableAddresses { get; set; } = [];
    public List<RecoveryAddress> RecoveryAddresses { get; set; } = [];

    public bool IsActive => State == IdentityStates.Active;
}
