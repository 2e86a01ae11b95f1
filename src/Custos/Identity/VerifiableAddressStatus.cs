namespace Custos.Identity;

/// <summary>Verification states of an address.</summary>
internal static class VerifiableAddressStatus
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Completed = "completed";
}
