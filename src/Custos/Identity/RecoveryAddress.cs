namespace Custos.Identity;

/// <summary>An address account recovery can be sent to; derived from traits marked <c>recovery.via</c>.</summary>
internal sealed class RecoveryAddress
{
    public Guid Id { get; set; }
    public required string Value { get; set; }
    public required string Via { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
