namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>A credential named in options (<c>excludeCredentials</c>, <c>allowCredentials</c>).</summary>
internal sealed record CredentialDescriptor(byte[] Id, IReadOnlyList<string> Transports);
