using System.Formats.Cbor;
using NSec.Cryptography;

namespace Custos.IntegrationTests.WebAuthn;

/// <summary>Ed25519 (COSE -8, EdDSA). .NET has no Ed25519 of its own, so NSec (which Fido2 also uses) signs.</summary>
public sealed class EdDsaKey : ISoftwareKey
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);

    public int Algorithm => CoseAlgorithms.EdDsa;

    public byte[] EncodeCosePublicKey()
    {
        var cbor = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cbor.WriteStartMap(4);
        cbor.WriteInt32(1); cbor.WriteInt32(1);              // kty: OKP
        cbor.WriteInt32(3); cbor.WriteInt32(Algorithm);      // alg
        cbor.WriteInt32(-1); cbor.WriteInt32(6);             // crv: Ed25519
        cbor.WriteInt32(-2); cbor.WriteByteString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        cbor.WriteEndMap();
        return cbor.Encode();
    }

    public byte[] Sign(byte[] data) => SignatureAlgorithm.Ed25519.Sign(_key, data);

    public void Dispose() => _key.Dispose();
}
