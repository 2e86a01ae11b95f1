using System.Formats.Cbor;
using System.Security.Cryptography;

namespace Custos.IntegrationTests.WebAuthn;

/// <summary>ECDSA on P-256 with SHA-256 (COSE -7), the algorithm nearly every authenticator offers.</summary>
public sealed class Es256Key : ISoftwareKey
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public int Algorithm => CoseAlgorithms.Es256;

    public byte[] EncodeCosePublicKey()
    {
        var point = _key.ExportParameters(false).Q;
        var cbor = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cbor.WriteStartMap(5);
        cbor.WriteInt32(1); cbor.WriteInt32(2);              // kty: EC2
        cbor.WriteInt32(3); cbor.WriteInt32(Algorithm);      // alg
        cbor.WriteInt32(-1); cbor.WriteInt32(1);             // crv: P-256
        cbor.WriteInt32(-2); cbor.WriteByteString(point.X!);
        cbor.WriteInt32(-3); cbor.WriteByteString(point.Y!);
        cbor.WriteEndMap();
        return cbor.Encode();
    }

    // WebAuthn carries ECDSA signatures DER-encoded, not as the raw r||s .NET produces by default.
    public byte[] Sign(byte[] data) =>
        _key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    public void Dispose() => _key.Dispose();
}
