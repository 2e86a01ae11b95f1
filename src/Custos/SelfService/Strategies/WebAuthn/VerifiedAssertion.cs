namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>What a verified assertion reported: the authenticator's counter and its backup state.</summary>
internal sealed record VerifiedAssertion(byte[] CredentialId, uint SignCount, bool BackupState);
