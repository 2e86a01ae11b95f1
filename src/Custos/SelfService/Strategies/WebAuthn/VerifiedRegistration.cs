namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>A verified new credential, or the reason it was refused (<see cref="Error"/> set, nothing else).</summary>
internal sealed record VerifiedRegistration(StoredWebAuthnCredential? Credential, string? Error)
{
    public static VerifiedRegistration Refused(string error) => new(null, error);
}
