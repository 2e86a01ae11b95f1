using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.Identity;

namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>
/// The identity a parsing web hook answered with 200 (<c>{"identity": {...}}</c>). As in Kratos, each of
/// <c>traits</c>, <c>schema_id</c>, <c>state</c>, <c>verifiable_addresses</c>, <c>recovery_addresses</c>,
/// <c>metadata_public</c> and <c>metadata_admin</c> replaces the identity's value when present and not empty (JSON
/// <c>null</c> counts as absent); <c>external_id</c> replaces it whenever the key is present. Applied before the
/// identity is saved (registration and settings pre-persist) the change is stored; elsewhere it lives in memory only.
/// </summary>
internal sealed record WebHookIdentityPatch
{
    public JsonNode? Traits { get; init; }
    public string? SchemaId { get; init; }
    public string? State { get; init; }
    public List<VerifiableAddress>? VerifiableAddresses { get; init; }
    public List<RecoveryAddress>? RecoveryAddresses { get; init; }
    public JsonNode? MetadataPublic { get; init; }
    public JsonNode? MetadataAdmin { get; init; }
    public bool SetsExternalId { get; init; }
    public string? ExternalId { get; init; }

    /// <summary>Reads the answer's <c>identity</c> object; throws Kratos's 500 for values of the wrong type.</summary>
    public static WebHookIdentityPatch Read(JsonObject identity)
    {
        var state = Text(identity, "state");
        if (state is not null && !IdentityStates.IsValid(state))
        {
            throw KratosErrors.Internal($"The web hook answered an identity with the unknown state \"{state}\".");
        }

        return new WebHookIdentityPatch
        {
            Traits = Present(identity, "traits"),
            SchemaId = Text(identity, "schema_id"),
            State = state,
            VerifiableAddresses = Present(identity, "verifiable_addresses") is JsonArray verifiable ? verifiable.Select(VerifiableAddressFrom).ToList() : null,
            RecoveryAddresses = Present(identity, "recovery_addresses") is JsonArray recovery ? recovery.Select(RecoveryAddressFrom).ToList() : null,
            MetadataPublic = Present(identity, "metadata_public"),
            MetadataAdmin = Present(identity, "metadata_admin"),
            SetsExternalId = identity.ContainsKey("external_id"),
            ExternalId = Text(identity, "external_id"),
        };
    }

    public void ApplyTo(Identity.Identity identity)
    {
        identity.Traits = Traits?.DeepClone() ?? identity.Traits;
        identity.SchemaId = SchemaId ?? identity.SchemaId;
        identity.State = State ?? identity.State;
        identity.VerifiableAddresses = VerifiableAddresses ?? identity.VerifiableAddresses;
        identity.RecoveryAddresses = RecoveryAddresses ?? identity.RecoveryAddresses;
        identity.MetadataPublic = MetadataPublic?.DeepClone() ?? identity.MetadataPublic;
        identity.MetadataAdmin = MetadataAdmin?.DeepClone() ?? identity.MetadataAdmin;
        if (SetsExternalId)
        {
            identity.ExternalId = ExternalId;
        }
    }

    private static JsonNode? Present(JsonObject o, string name) => o[name] is { } value ? value.DeepClone() : null;

    private static string? Text(JsonObject o, string name) => o[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>() is { Length: > 0 } s ? s : null,
        _ => throw KratosErrors.Internal($"The web hook answered an identity whose {name} is not a string."),
    };

    private static VerifiableAddress VerifiableAddressFrom(JsonNode? node) => node is JsonObject a
        ? new VerifiableAddress
        {
            Id = a["id"] is JsonValue id && Guid.TryParse(id.ToString(), out var guid) ? guid : Guid.Empty,
            Value = Text(a, "value") ?? "",
            Via = Text(a, "via") ?? "email",
            Verified = a["verified"] is JsonValue verified && verified.GetValueKind() == JsonValueKind.True,
            Status = Text(a, "status") ?? Identity.VerifiableAddressStatus.Pending,
            VerifiedAt = a["verified_at"] is JsonValue at && DateTime.TryParse(at.ToString(), null, System.Globalization.DateTimeStyles.AdjustToUniversal, out var when) ? when : null,
        }
        : throw KratosErrors.Internal("The web hook answered a verifiable address that is not an object.");

    private static RecoveryAddress RecoveryAddressFrom(JsonNode? node) => node is JsonObject a
        ? new RecoveryAddress { Id = a["id"] is JsonValue id && Guid.TryParse(id.ToString(), out var guid) ? guid : Guid.Empty, Value = Text(a, "value") ?? "", Via = Text(a, "via") ?? "email" }
        : throw KratosErrors.Internal("The web hook answered a recovery address that is not an object.");
}
