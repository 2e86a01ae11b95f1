using System.Text.Json.Serialization;

namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>The authenticator-data flags of a stored credential (UP, UV, BE, BS).</summary>
internal sealed class StoredCredentialFlags
{
    [JsonPropertyName("user_present")]
    public bool UserPresent { get; set; }

    [JsonPropertyName("user_verified")]
    public bool UserVerified { get; set; }

    [JsonPropertyName("backup_eligible")]
    public bool BackupEligible { get; set; }

    [JsonPropertyName("backup_state")]
    public bool BackupState { get; set; }
}
