using System.Globalization;
using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.Identity;

namespace Custos.SelfService.Strategies.LookupSecret;

/// <summary>
/// The <c>lookup_secret</c> credential: identifiers <c>[identity id]</c>, version 0, config
/// <c>{"recovery_codes":[{"code_hmac":"…","used_at":null|"RFC 3339"}]}</c>.
/// </summary>
internal static class LookupSecretCredential
{
    public const string HmacField = "code_hmac";
    public const string ClearField = "code";
    public const string UsedAtField = "used_at";
    private const string CodesField = "recovery_codes";

    /// <summary>Whether the identity has a <c>lookup_secret</c> credential at all (the login form is offered then).</summary>
    public static bool Exists(Identity.Identity identity) => identity.Credentials.ContainsKey(CredentialTypes.LookupSecret);

    /// <summary>Whether the identity has at least one code, used or not: Kratos's test for an MFA credential.</summary>
    public static bool HasCodes(Identity.Identity identity) =>
        identity.Credentials.TryGetValue(CredentialTypes.LookupSecret, out var c) && Read(c.Config).Count > 0;

    /// <summary>The entries of a stored config, in order; unreadable entries are kept as never-matching placeholders.</summary>
    public static IReadOnlyList<LookupCode> Read(JsonObject config) =>
        (config[CodesField] as JsonArray ?? []).Select(Entry).ToList();

    /// <summary>A config of fresh, unused entries from their MACs.</summary>
    public static JsonObject Config(IEnumerable<string> hmacs) => new()
    {
        [CodesField] = new JsonArray(hmacs.Select(h => (JsonNode?)new JsonObject { [HmacField] = h, [UsedAtField] = null }).ToArray()),
    };

    /// <summary>Sets (replacing the old codes) the identity's credential to fresh entries, keeping its row id.</summary>
    public static void Replace(Identity.Identity identity, IEnumerable<string> hmacs, DateTime now)
    {
        var existing = identity.Credentials.GetValueOrDefault(CredentialTypes.LookupSecret);
        identity.Credentials[CredentialTypes.LookupSecret] = new Credentials
        {
            Id = existing?.Id ?? Guid.Empty,
            Type = CredentialTypes.LookupSecret,
            Identifiers = [identity.Id.ToString("D")],
            Config = Config(hmacs),
            Version = 0,
            CreatedAt = existing?.CreatedAt ?? now,
            UpdatedAt = now,
        };
    }

    /// <summary>A copy of <paramref name="config"/> with entry <paramref name="index"/> marked used at <paramref name="usedAt"/>.</summary>
    public static JsonObject MarkUsed(JsonObject config, int index, DateTime usedAt)
    {
        var copy = (JsonObject)config.DeepClone();
        if (copy[CodesField] is JsonArray codes && index < codes.Count && codes[index] is JsonObject entry)
        {
            entry[UsedAtField] = FormatUsedAt(usedAt);
        }

        return copy;
    }

    /// <summary>How <c>used_at</c> is written: RFC 3339 UTC (Kratos rounds it to the second before).</summary>
    public static string FormatUsedAt(DateTime usedAt) => KratosTime.Format(usedAt);

    private static LookupCode Entry(JsonNode? node)
    {
        if (node is not JsonObject o)
        {
            return new LookupCode(null, null, null);
        }

        // Any non-null used_at counts as used, as the conditional update in the store sees it.
        DateTime? usedAt = o[UsedAtField] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) && DateTime.TryParse(s, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) => t,
            _ => DateTime.MinValue,
        };
        return new LookupCode(Text(o, HmacField), Text(o, ClearField), usedAt);
    }

    private static string? Text(JsonObject o, string key) =>
        o[key] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
