namespace Custos.Identity;

/// <summary>Database row shapes of the identity tables (Dapper targets; never serialised).</summary>
internal static class IdentityRows
{
    internal sealed class IdentityRow
    {
        public Guid Id { get; set; }
        public string SchemaId { get; set; } = "";
        public string Traits { get; set; } = "{}";
        public string State { get; set; } = IdentityStates.Active;
        public DateTime? StateChangedAt { get; set; }
        public string? MetadataPublic { get; set; }
        public string? MetadataAdmin { get; set; }
        public string? AvailableAal { get; set; }
        public string? ExternalId { get; set; }
        public Guid? OrganizationId { get; set; }
        public DateTime CreatedAt { get; set; }
        public DateTime UpdatedAt { get; set; }
    }

    internal sealed class CredentialRow
    {
        public Guid Id { get; set; }
        public Guid IdentityId { get; set; }
        public string Type { get; set; } = "";
        public string Config { get; set; } = "{}";
        public int Version { get; set; }
        public DateTime CreatedAt { get; set; }
        public DateTime UpdatedAt { get; set; }
    }

    internal sealed class IdentifierRow
    {
        public Guid IdentityCredentialId { get; set; }
        public string Identifier { get; set; } = "";
    }

    internal sealed class VerifiableAddressRow
    {
        public Guid Id { get; set; }
        public Guid IdentityId { get; set; }
        public string Via { get; set; } = "";
        public string Value { get; set; } = "";
        public bool Verified { get; set; }
        public DateTime? VerifiedAt { get; set; }
        public string Status { get; set; } = "";
        public DateTime CreatedAt { get; set; }
        public DateTime UpdatedAt { get; set; }
    }

    internal sealed class RecoveryAddressRow
    {
        public Guid Id { get; set; }
        public Guid IdentityId { get; set; }
        public string Via { get; set; } = "";
        public string Value { get; set; } = "";
        public DateTime CreatedAt { get; set; }
        public DateTime UpdatedAt { get; set; }
    }
}
