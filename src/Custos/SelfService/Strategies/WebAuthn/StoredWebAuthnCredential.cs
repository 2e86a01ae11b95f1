using System.Text.Json.Serialization;

namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>
/// One key or passkey in a <c>webauthn</c> or <c>passkey</c> credential's config, in Kratos's JSON (strategies contract
/// §4.7): byte fields are standard base64, <c>added_at</c> is UTC rounded to seconds, empty parts are left out.
/// </summary>
internal sealed class StoredWebAuthnCredential
{
    [JsonPropertyName("id")]
    public byte[] Id { get; set; } = [];

    [JsonPropertyName("public_key")]
    public byte[] PublicKey { get; set; } = [];

    [JsonPropertyName("attestation_type")]
    public string AttestationType { get; set; } = "";

    [JsonPropertyName("authenticator")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StoredAuthenticator? Authenticator { get; set; }

    [JsonPropertyName("display_name")]
    public string DisplayName { get; set; } = "";

    [JsonPropertyName("added_at")]
    public DateTime AddedAt { get; set; }

    [JsonPropertyName("is_passwordless")]
    public bool IsPasswordless { get; set; }

    [JsonPropertyName("flags")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public StoredCredentialFlags? Flags { get; set; }

    [JsonPropertyName("transport")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Transport { get; set; }
}
