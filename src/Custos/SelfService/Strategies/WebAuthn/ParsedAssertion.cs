using Fido2NetLib;

namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>An assertion a client posted, parsed but not yet verified: which credential and user handle it names.</summary>
internal sealed record ParsedAssertion(byte[] CredentialId, byte[]? UserHandle, AuthenticatorAssertionRawResponse Raw);
