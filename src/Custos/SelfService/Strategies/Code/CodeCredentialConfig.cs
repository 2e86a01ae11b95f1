using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.Identity;

namespace Custos.SelfService.Strategies.Code;

/// <summary>
/// Reads the <c>code</c> credential (<c>{"addresses":[{"channel","address"}]}</c>, version 1). A legacy version 0
/// credential (<c>{"address_type":"email","used_at":…}</c>) reads as one address per identifier on the channel of
/// <c>address_type</c> (e-mail when it is empty or unknown), as Kratos upgrades it.
/// </summary>
internal static class CodeCredentialConfig
{
    /// <summary>The code addresses of the credential, in stored order; empty when there is none.</summary>
    public static IReadOnlyList<CodeAddress> Addresses(Credentials? credentials)
    {
        if (credentials is null)
        {
            return [];
        }

        if (credentials.Config["addresses"] is JsonArray addresses)
        {
            return addresses.OfType<JsonObject>()
                .Select(a => new CodeAddress(Text(a["channel"]), Text(a["address"])))
                .Where(a => a.Channel is CodeAddress.Email or CodeAddress.Sms && a.Address.Length > 0)
                .ToList();
        }

        if (credentials.Version != 0)
        {
            return [];
        }

        var type = Text(credentials.Config["address_type"]).Trim().ToLowerInvariant();
        var channel = type == CodeAddress.Sms ? CodeAddress.Sms : CodeAddress.Email;
        return credentials.Identifiers.Where(i => i.Length > 0).Select(i => new CodeAddress(channel, i)).ToList();
    }

    /// <summary>
    /// How many second factors the credential counts with <c>mfa_enabled</c>: its non-empty addresses, or 1 for a
    /// legacy credential with a non-empty <c>address_type</c>. Drives <c>available_aal</c> and the MFA auto-send.
    /// </summary>
    public static int CountMultiFactor(Credentials? credentials, bool mfaEnabled)
    {
        if (!mfaEnabled || credentials is null)
        {
            return 0;
        }

        if (credentials.Config["address_type"] is { } legacy)
        {
            return Text(legacy).Length > 0 ? 1 : 0;
        }

        return credentials.Config["addresses"] is JsonArray addresses
            ? addresses.OfType<JsonObject>().Count(a => Text(a["address"]).Length > 0)
            : 0;
    }

    /// <summary>First factors of the code method: 1 for every identity whenever <c>passwordless_enabled</c> is on, as in Kratos.</summary>
    public static int CountFirstFactor(bool passwordlessEnabled) => passwordlessEnabled ? 1 : 0;

    private static string Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : "";
}
