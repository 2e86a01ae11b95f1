using System.Formats.Cbor;
using System.Security.Cryptography;

namespace Custos.IntegrationTests.WebAuthn;

/// <summary>RSASSA-PKCS1-v1_5 with SHA-256 (COSE -257), as Windows Hello produces.</summary>
public sealed class Rs256Key : ISoftwareKey
{
    private readonly RSA _key = RSA.Create(2048);

    public int Algorithm => CoseAlgorithms.Rs256;

    public byte[] EncodeCosePublicKey()
    {
        var parameters = _key.ExportParameters(false);
        var cbor = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cbor.WriteStartMap(4);
        cbor.WriteInt32(1); cbor.WriteInt32(3);              // kty: RSA
        cbor.WriteInt32(3); cbor.WriteInt32(Algorithm);      // alg
        cbor.WriteInt32(-1); cbor.WriteByteString(parameters.Modulus!);
        cbor.WriteInt32(-2); cbor.WriteByteString(parameters.Exponent!);
        cbor.WriteEndMap();
        return cbor.Encode();
    }

    public byte[] Sign(byte[] data) => _key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public void Dispose() => _key.Dispose();
}
