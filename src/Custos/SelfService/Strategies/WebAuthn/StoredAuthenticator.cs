using System.Text.Json.Serialization;

namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>The authenticator a stored credential came from, and the state a login updates (§4.7).</summary>
internal sealed class StoredAuthenticator
{
    [JsonPropertyName("aaguid")]
    public byte[]? Aaguid { get; set; }

    /// <summary>Only ever raised (W3C WebAuthn §6.1.1); a login that does not advance it sets <see cref="CloneWarning"/>.</summary>
    [JsonPropertyName("sign_count")]
    public uint SignCount { get; set; }

    [JsonPropertyName("clone_warning")]
    public bool CloneWarning { get; set; }
}
