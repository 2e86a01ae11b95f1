// A software WebAuthn authenticator plus the browser's client side, for tests.
//
// What it models: navigator.credentials.create/get as a browser would run them against one authenticator.
// Create() takes the PublicKeyCredentialCreationOptions JSON (bare, {"publicKey":…} or Kratos's
// {"credentialOptions":{"publicKey":…}}), makes a key pair (ES256, RS256 or EdDSA: the first of the RP's
// pubKeyCredParams this authenticator supports) and returns the PublicKeyCredential JSON (toJSON() shape,
// base64url) with attestation "none" or "packed" self attestation. Get() takes the request options and returns
// the assertion JSON, signed by the first held credential for the RP id that the allow list names (any one when
// the list is empty, i.e. a discoverable/passkey login). Counter, UP/UV/BE/BS flags are settable, and a
// SoftwareTamper breaks one ceremony (rp id hash, challenge, signature, client data type, user handle).
//
// Limits: no CTAP transport, PIN or user interaction; AAGUID is zero and there is no attestation certificate
// (so no full "packed", TPM, Android or Apple formats, and no metadata); the browser's replacing of attestation
// by "none" when the RP asks for none is not modelled (the configured format is always sent); no extensions
// (clientExtensionResults is always {}); crossOrigin is always false; the origin is not checked against the RP
// id as a browser would, so a wrong origin is simply passed in.
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Custos.IntegrationTests.WebAuthn;

/// <summary>Creates and uses WebAuthn credentials in process; see the comment at the top of the file.</summary>
public sealed class SoftwareAuthenticator : IDisposable
{
    private readonly List<SoftwareCredential> _credentials = [];

    /// <summary>Algorithms this authenticator can create keys for; the RP's order decides among them.</summary>
    public IReadOnlyList<int> Algorithms { get; init; } = [CoseAlgorithms.Es256, CoseAlgorithms.EdDsa, CoseAlgorithms.Rs256];

    public SoftwareAttestation Attestation { get; init; } = SoftwareAttestation.None;

    /// <summary>The UP flag on every ceremony.</summary>
    public bool UserPresent { get; set; } = true;

    /// <summary>The UV flag on every ceremony (as if the user gave a PIN or biometric).</summary>
    public bool UserVerified { get; set; } = true;

    /// <summary>BE and BS on new credentials: true models a synced passkey.</summary>
    public bool Synced { get; init; }

    /// <summary>Whether new credentials are counted with 0 forever, as synced passkeys do.</summary>
    public bool ZeroCounter { get; init; }

    public IReadOnlyList<SoftwareCredential> Credentials => _credentials;

    /// <summary>The challenge of the last ceremony, to replay it via <see cref="SoftwareTamper.Challenge"/>.</summary>
    public byte[]? LastChallenge { get; private set; }

    /// <summary>navigator.credentials.create(): returns the registration response JSON.</summary>
    public string Create(string optionsJson, string origin, SoftwareTamper? tamper = null)
    {
        tamper ??= new SoftwareTamper();
        var options = WebAuthnWire.PublicKeyOptions(optionsJson);
        var challenge = WebAuthnWire.Decode((string)options["challenge"]!);
        var rpId = (string?)options["rp"]?["id"] ?? new Uri(origin).Host;
        var userHandle = WebAuthnWire.Decode((string)options["user"]!["id"]!);

        foreach (var excluded in Ids(options["excludeCredentials"]))
        {
            if (_credentials.Any(c => c.RpId == rpId && c.Id.AsSpan().SequenceEqual(excluded)))
            {
                throw new InvalidOperationException("InvalidStateError: this authenticator already holds an excluded credential");
            }
        }

        var algorithm = ChooseAlgorithm(options["pubKeyCredParams"] as JsonArray);
        var credential = new SoftwareCredential(RandomNumberGenerator.GetBytes(16), CoseAlgorithms.CreateKey(algorithm), rpId, userHandle)
        {
            BackupEligible = Synced,
            BackedUp = Synced,
            CounterStep = ZeroCounter ? 0u : 1u,
        };

        var clientData = WebAuthnWire.ClientDataJson(tamper.ClientDataType ?? "webauthn.create", tamper.Challenge ?? challenge, origin);
        var authenticatorData = WebAuthnWire.AuthenticatorData(
            tamper.RpId ?? rpId,
            Flags(credential),
            credential.SignCount,
            WebAuthnWire.AttestedCredentialData(credential.Id, credential.Key.EncodeCosePublicKey()));

        byte[]? signature = null;
        if (Attestation == SoftwareAttestation.PackedSelf)
        {
            signature = credential.Key.Sign([.. authenticatorData, .. SHA256.HashData(clientData)]);
            Flip(signature, tamper);
        }

        _credentials.Add(credential);
        LastChallenge = challenge;
        var response = new JsonObject
        {
            ["clientDataJSON"] = WebAuthnWire.Encode(clientData),
            ["attestationObject"] = WebAuthnWire.Encode(WebAuthnWire.AttestationObject(authenticatorData, algorithm, signature)),
            ["transports"] = new JsonArray("internal"),
        };
        return Envelope(credential, response);
    }

    /// <summary>navigator.credentials.get(): returns the authentication response JSON.</summary>
    public string Get(string optionsJson, string origin, SoftwareTamper? tamper = null)
    {
        tamper ??= new SoftwareTamper();
        var options = WebAuthnWire.PublicKeyOptions(optionsJson);
        var challenge = WebAuthnWire.Decode((string)options["challenge"]!);
        var rpId = (string?)options["rpId"] ?? new Uri(origin).Host;
        var allowed = Ids(options["allowCredentials"]).ToList();

        var credential = _credentials.FirstOrDefault(c =>
                c.RpId == rpId && (allowed.Count == 0 || allowed.Any(id => id.AsSpan().SequenceEqual(c.Id))))
            ?? throw new InvalidOperationException($"NotAllowedError: no credential for rp id '{rpId}'");

        credential.SignCount += credential.CounterStep;
        var clientData = WebAuthnWire.ClientDataJson(tamper.ClientDataType ?? "webauthn.get", tamper.Challenge ?? challenge, origin);
        var authenticatorData = WebAuthnWire.AuthenticatorData(tamper.RpId ?? rpId, Flags(credential), credential.SignCount, null);
        var signature = credential.Key.Sign([.. authenticatorData, .. SHA256.HashData(clientData)]);
        Flip(signature, tamper);

        LastChallenge = challenge;
        var userHandle = tamper.UserHandle ?? (credential.Discoverable ? credential.UserHandle : null);
        var response = new JsonObject
        {
            ["clientDataJSON"] = WebAuthnWire.Encode(clientData),
            ["authenticatorData"] = WebAuthnWire.Encode(authenticatorData),
            ["signature"] = WebAuthnWire.Encode(signature),
            ["userHandle"] = userHandle is null ? null : WebAuthnWire.Encode(userHandle),
        };
        return Envelope(credential, response);
    }

    public void Dispose()
    {
        foreach (var credential in _credentials)
        {
            credential.Dispose();
        }
    }

    private static string Envelope(SoftwareCredential credential, JsonObject response) => new JsonObject
    {
        ["id"] = WebAuthnWire.Encode(credential.Id),
        ["rawId"] = WebAuthnWire.Encode(credential.Id),
        ["type"] = "public-key",
        ["authenticatorAttachment"] = "platform",
        ["response"] = response,
        ["clientExtensionResults"] = new JsonObject(),
    }.ToJsonString();

    private static IEnumerable<byte[]> Ids(JsonNode? descriptors) =>
        (descriptors as JsonArray ?? []).Select(d => WebAuthnWire.Decode((string)d!["id"]!));

    // The last byte lies inside the signature value for every algorithm here (for DER ECDSA: inside s), so the
    // result still parses and fails only at verification.
    private static void Flip(byte[] signature, SoftwareTamper tamper)
    {
        if (tamper.FlipSignatureByte)
        {
            signature[^1] ^= 0x01;
        }
    }

    private int ChooseAlgorithm(JsonArray? offered)
    {
        // WebAuthn: an empty list means ES256 and RS256.
        var wanted = offered is null || offered.Count == 0
            ? [CoseAlgorithms.Es256, CoseAlgorithms.Rs256]
            : offered.Select(p => (int)p!["alg"]!).ToList();
        foreach (var algorithm in wanted.Where(Algorithms.Contains))
        {
            return algorithm;
        }

        throw new InvalidOperationException("NotSupportedError: no offered pubKeyCredParams algorithm is supported");
    }

    private byte Flags(SoftwareCredential credential)
    {
        byte flags = 0;
        flags |= UserPresent ? WebAuthnWire.FlagUserPresent : (byte)0;
        flags |= UserVerified ? WebAuthnWire.FlagUserVerified : (byte)0;
        flags |= credential.BackupEligible ? WebAuthnWire.FlagBackupEligible : (byte)0;
        flags |= credential.BackedUp ? WebAuthnWire.FlagBackedUp : (byte)0;
        return flags;
    }
}
