namespace Custos.Identity;

/// <summary>An address (email or phone) that can be verified; derived from traits marked <c>verification.via</c>.</summary>
internal sealed class VerifiableAddress
{
    public Guid Id { get; set; }
    public required string Value { get; set; }
    public bool Verified { get; set; }
    public required string Via { get; set; }
    public string Status { get; set; } = VerifiableAddressStatus.Pending;
    public DateTime? VerifiedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Proven under the person's control: <c>verified</c>, <c>completed</c>, <c>verified_at</c> now.</summary>
    public void MarkVerified(DateTime now)
    {
        Verified = true;
        VerifiedAt = now;
        Status = VerifiableAddressStatus.Completed;
        UpdatedAt = now;
    }
}
