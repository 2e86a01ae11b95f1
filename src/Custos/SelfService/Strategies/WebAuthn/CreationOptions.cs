using System.Text.Json.Nodes;

namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>
/// Options for <c>navigator.credentials.create</c>, written as Kratos writes go-webauthn's <c>CredentialCreation</c>:
/// a <c>publicKey</c> object with members in go-webauthn's order and empty ones left out (strategies contract §4.3).
/// </summary>
internal sealed record CreationOptions(
    RelyingParty Rp,
    string UserName,
    string UserDisplayName,
    byte[] UserHandle,
    byte[] Challenge,
    int TimeoutMs,
    IReadOnlyList<CredentialDescriptor> Exclude,
    AuthenticatorSelection Selection,
    string? Attestation)
{
    /// <summary>go-webauthn's default algorithms, in its order: ES256/384/512, RS256/384/512, PS256/384/512, EdDSA.</summary>
    public static readonly IReadOnlyList<int> Algorithms = [-7, -35, -36, -257, -258, -259, -37, -38, -39, -8];

    public JsonObject ToJson()
    {
        var publicKey = new JsonObject
        {
            ["rp"] = new JsonObject { ["name"] = Rp.Name, ["id"] = Rp.Id },
            ["user"] = new JsonObject { ["name"] = UserName, ["displayName"] = UserDisplayName, ["id"] = WebAuthnBytes.ToBase64Url(UserHandle) },
            ["challenge"] = WebAuthnBytes.ToBase64Url(Challenge),
            ["pubKeyCredParams"] = new JsonArray(Algorithms.Select(a => (JsonNode)new JsonObject { ["type"] = "public-key", ["alg"] = a }).ToArray()),
            ["timeout"] = TimeoutMs,
        };
        if (Exclude.Count > 0)
        {
            publicKey["excludeCredentials"] = AssertionOptions.Descriptors(Exclude);
        }

        var selection = new JsonObject();
        if (Selection.Attachment is { Length: > 0 } attachment)
        {
            selection["authenticatorAttachment"] = attachment;
        }

        if (Selection.RequireResidentKey is { } require)
        {
            selection["requireResidentKey"] = require;
        }

        if (Selection.ResidentKey is { Length: > 0 } residentKey)
        {
            selection["residentKey"] = residentKey;
        }

        selection["userVerification"] = Selection.UserVerification;
        publicKey["authenticatorSelection"] = selection;
        if (Attestation is { Length: > 0 })
        {
            publicKey["attestation"] = Attestation;
        }

        return new JsonObject { ["publicKey"] = publicKey };
    }
}
