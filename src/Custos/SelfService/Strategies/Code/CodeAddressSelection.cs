using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.Identity;

namespace Custos.SelfService.Strategies.Code;

/// <summary>Pure rules for which code addresses of an identity are offered or used (Kratos's <c>FindCodeAddresses</c> family).</summary>
internal static class CodeAddressSelection
{
    /// <summary>
    /// The address equal to the (normalised) identifier, or all of them when none is: a login code for a typed
    /// identifier goes to that address only, otherwise one code per address.
    /// </summary>
    public static IReadOnlyList<CodeAddress> Targets(IReadOnlyList<CodeAddress> addresses, string identifier)
    {
        var normalized = IdentifierNormalizer.Normalize(identifier);
        return addresses.FirstOrDefault(a => a.Address == normalized) is { } match ? [match] : addresses;
    }

    /// <summary>
    /// The addresses a second factor may go to: the <c>code</c> credential's, or, when it has none and
    /// <c>missing_credential_fallback_enabled</c> is on, every verifiable address (whatever its status).
    /// </summary>
    public static IReadOnlyList<CodeAddress> Candidates(Identity.Identity identity, bool fallbackEnabled)
    {
        var addresses = CodeCredentialConfig.Addresses(identity.Credentials.GetValueOrDefault(CredentialTypes.Code));
        if (addresses.Count > 0 || !fallbackEnabled)
        {
            return addresses;
        }

        return identity.VerifiableAddresses.Where(a => a.Via.Length > 0 && a.Value.Length > 0).Select(a => new CodeAddress(a.Via, a.Value)).ToList();
    }

    /// <summary>
    /// The "Send code to …" buttons of an aal2 (or address-picker refresh) login: every candidate, or with the
    /// deprecated <c>?via=&lt;trait&gt;</c> only the one stored in that trait. A <c>via</c> naming an empty trait or a
    /// value that is no candidate is the client's mistake (400), as in Kratos.
    /// </summary>
    public static IReadOnlyList<CodeAddress> ForSecondFactor(Identity.Identity identity, string? via, bool fallbackEnabled)
    {
        var candidates = Candidates(identity, fallbackEnabled);
        if (string.IsNullOrEmpty(via))
        {
            return KratosOrder(candidates);
        }

        var value = TraitText(identity.Traits, via);
        if (value.Length == 0)
        {
            throw KratosErrors.BadRequest($"No value found for trait {via} in the current identity.");
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        var normalized = IdentifierNormalizer.Normalize(value);
        return candidates.FirstOrDefault(a => a.Address == normalized) is { } match
            ? [match]
            : throw KratosErrors.BadRequest("You can only reference a trait that matches a verification email address in the via parameter, or a registered credential.");
    }

    // Kratos sorts with "address less AND channel less", which is no strict order: Go's stable insertion sort then only
    // moves an address before one that is greater in both. The same loop gives the same order.
    private static List<CodeAddress> KratosOrder(IReadOnlyList<CodeAddress> addresses)
    {
        var list = addresses.ToList();
        for (var i = 1; i < list.Count; i++)
        {
            for (var j = i; j > 0 && Less(list[j], list[j - 1]); j--)
            {
                (list[j], list[j - 1]) = (list[j - 1], list[j]);
            }
        }

        return list;

        static bool Less(CodeAddress a, CodeAddress b) =>
            string.CompareOrdinal(a.Address, b.Address) < 0 && string.CompareOrdinal(a.Channel, b.Channel) < 0;
    }

    // gjson-style dotted path into the traits; non-string leaves read as their JSON text.
    private static string TraitText(JsonNode? traits, string path)
    {
        var node = traits;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node switch
        {
            null => "",
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => node.ToJsonString(),
        };
    }
}
