using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Custos.IntegrationTests.WebAuthn;

/// <summary>Byte layouts of the WebAuthn objects (W3C WebAuthn level 3 §5.8.1, §6.1, §6.5).</summary>
internal static class WebAuthnWire
{
    public const byte FlagUserPresent = 0x01;
    public const byte FlagUserVerified = 0x04;
    public const byte FlagBackupEligible = 0x08;
    public const byte FlagBackedUp = 0x10;
    public const byte FlagAttestedCredentialData = 0x40;

    public static string Encode(byte[] bytes) => Base64Url.EncodeToString(bytes);

    public static byte[] Decode(string text) => Base64Url.DecodeFromChars(text);

    /// <summary>
    /// The <c>publicKey</c> options object, whether given bare (Fido2's ToJson), wrapped as
    /// <c>{"publicKey":…}</c> (Kratos's webauthn trigger) or as <c>{"credentialOptions":{"publicKey":…}}</c>
    /// (Kratos's passkey_create_data / passkey_challenge).
    /// </summary>
    public static JsonObject PublicKeyOptions(string optionsJson)
    {
        var node = JsonNode.Parse(optionsJson)!.AsObject();
        if (node["credentialOptions"] is JsonObject wrapped)
        {
            node = wrapped;
        }

        return node["publicKey"] as JsonObject ?? node;
    }

    // Browsers serialise the members in exactly this order; some verifiers have relied on it.
    public static byte[] ClientDataJson(string type, byte[] challenge, string origin)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", type);
            json.WriteString("challenge", Encode(challenge));
            json.WriteString("origin", origin);
            json.WriteBoolean("crossOrigin", false);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static byte[] AuthenticatorData(string rpId, byte flags, uint signCount, byte[]? attestedCredentialData)
    {
        var data = new List<byte>(37 + (attestedCredentialData?.Length ?? 0));
        data.AddRange(SHA256.HashData(Encoding.UTF8.GetBytes(rpId)));
        data.Add(attestedCredentialData is null ? flags : (byte)(flags | FlagAttestedCredentialData));
        var counter = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, signCount);
        data.AddRange(counter);
        if (attestedCredentialData is not null)
        {
            data.AddRange(attestedCredentialData);
        }

        return [.. data];
    }

    // A software authenticator has no certified model, so its AAGUID is all zeroes.
    public static byte[] AttestedCredentialData(byte[] credentialId, byte[] cosePublicKey)
    {
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, checked((ushort)credentialId.Length));
        return [.. new byte[16], .. length, .. credentialId, .. cosePublicKey];
    }

    /// <summary>The CBOR attestation object; <paramref name="signature"/> null means format "none".</summary>
    public static byte[] AttestationObject(byte[] authenticatorData, int algorithm, byte[]? signature)
    {
        var cbor = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cbor.WriteStartMap(3);
        cbor.WriteTextString("fmt");
        cbor.WriteTextString(signature is null ? "none" : "packed");
        cbor.WriteTextString("attStmt");
        if (signature is null)
        {
            cbor.WriteStartMap(0);
        }
        else
        {
            cbor.WriteStartMap(2);
            cbor.WriteTextString("alg");
            cbor.WriteInt32(algorithm);
            cbor.WriteTextString("sig");
            cbor.WriteByteString(signature);
        }

        cbor.WriteEndMap();
        cbor.WriteTextString("authData");
        cbor.WriteByteString(authenticatorData);
        cbor.WriteEndMap();
        return cbor.Encode();
    }
}
