namespace Custos.IntegrationTests.WebAuthn;

/// <summary>A credential key pair held by <see cref="SoftwareAuthenticator"/>.</summary>
public interface ISoftwareKey : IDisposable
{
    /// <summary>COSE algorithm identifier (see <see cref="CoseAlgorithms"/>).</summary>
    int Algorithm { get; }

    /// <summary>The public key as a CTAP2-canonical COSE_Key map, as it appears in attested credential data.</summary>
    byte[] EncodeCosePublicKey();

    /// <summary>Signs <paramref name="data"/> the way WebAuthn expects for this algorithm (ECDSA as DER).</summary>
    byte[] Sign(byte[] data);
}
