namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>A credential named in options (<c>excludeCredentials</c>, <c>allowCredentials</c>).</summary>
internal sealed record CredentialDescriptor(byte[] Id, IReadOnlyList<string> Transports)
{
    /// <summary>Stored keys as options name them: their ids and the transports they reported.</summary>
    public static List<CredentialDescriptor> Of(IEnumerable<StoredWebAuthnCredential> keys) =>
        keys.Select(k => new CredentialDescriptor(k.Id, k.Transport ?? [])).ToList();
}
