using System.Text.Json.Nodes;

namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>
/// Options for <c>navigator.credentials.get</c> as go-webauthn's <c>CredentialAssertion</c>; no allowed credentials
/// means a discoverable (passkey) login (strategies contract §4.3).
/// </summary>
internal sealed record AssertionOptions(byte[] Challenge, int TimeoutMs, string RpId, IReadOnlyList<CredentialDescriptor> Allow, string UserVerification)
{
    public JsonObject ToJson()
    {
        var publicKey = new JsonObject
        {
            ["challenge"] = WebAuthnBytes.ToBase64Url(Challenge),
            ["timeout"] = TimeoutMs,
            ["rpId"] = RpId,
        };
        if (Allow.Count > 0)
        {
            publicKey["allowCredentials"] = Descriptors(Allow);
        }

        publicKey["userVerification"] = UserVerification;
        return new JsonObject { ["publicKey"] = publicKey };
    }

    internal static JsonArray Descriptors(IEnumerable<CredentialDescriptor> credentials) => new(credentials.Select(c =>
    {
        var descriptor = new JsonObject { ["type"] = "public-key", ["id"] = WebAuthnBytes.ToBase64Url(c.Id) };
        if (c.Transports.Count > 0)
        {
            descriptor["transports"] = new JsonArray(c.Transports.Select(t => (JsonNode)t).ToArray());
        }

        return (JsonNode)descriptor;
    }).ToArray());
}
