using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.Courier;
using Custos.Schema.Validation;

namespace Custos.Identity;

/// <summary>
/// Builds the <c>code</c> credential from the traits marked <c>credentials.code.identifier</c> with <c>via: email|sms</c>,
/// as Kratos's credentials extension does: each value is normalised for its channel, the addresses are de-duplicated by
/// (address, channel) and sorted by address then channel, and the identifiers are the addresses in the order they
/// were first seen in that sorted list.
/// </summary>
internal sealed class CodeAddressCollector
{
    private const string Extension = "ory.sh/kratos";
    private readonly List<CodeAddress> _addresses = [];
    private readonly List<string> _identifiers = [];

    /// <summary>Whether any trait carried the code identifier extension.</summary>
    public bool Any { get; private set; }

    public IReadOnlyList<string> Identifiers => _identifiers;

    /// <summary>The credential config: <c>{"addresses":[{"channel","address"}]}</c>.</summary>
    public JsonObject Config() => new()
    {
        ["addresses"] = new JsonArray(_addresses.Select(a => (JsonNode?)new JsonObject { ["channel"] = a.Channel, ["address"] = a.Address }).ToArray()),
    };

    /// <summary>Adds the value of one marked trait; returns the validation error when its channel or value is not usable.</summary>
    public SchemaError? Add(KeywordAnnotation annotation, JsonElement code, string raw)
    {
        var via = code.TryGetProperty("via", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        if (via is not (CodeAddress.Email or CodeAddress.Sms))
        {
            return Error(annotation, $"channel type \"{via}\" must be one of email, sms");
        }

        var format = annotation.Schema.ValueKind == JsonValueKind.Object && annotation.Schema.TryGetProperty("format", out var f)
            && f.ValueKind == JsonValueKind.String ? f.GetString()! : "";
        string address;
        if (via == CodeAddress.Email && format is not ("" or "email"))
        {
            // A custom format (e.g. no-validate) leaves the check to the schema; only the generic normalisation applies.
            address = IdentifierNormalizer.Normalize(raw);
        }
        else if (via == CodeAddress.Email)
        {
            address = IdentifierNormalizer.NormalizeAddress(via, raw);
            if (!address.Contains('@', StringComparison.Ordinal))
            {
                return Error(annotation, "mail: missing '@' or angle-addr");
            }

            if (!EmailRecipient.IsValid(address))
            {
                return Error(annotation, $"\"{raw}\" is not valid \"email\"");
            }
        }
        else if (IdentifierNormalizer.NormalizePhone(raw) is { } phone)
        {
            address = phone;
        }
        else
        {
            return Error(annotation, raw.Any(char.IsAsciiDigit) ? "the provided number is not a valid phone number" : "the phone number supplied is not a number");
        }

        Any = true;
        if (!_addresses.Contains(new CodeAddress(via, address)))
        {
            _addresses.Add(new CodeAddress(via, address));
        }

        _addresses.Sort(static (a, b) =>
        {
            var byAddress = string.CompareOrdinal(a.Address, b.Address);
            return byAddress != 0 ? byAddress : string.CompareOrdinal(a.Channel, b.Channel);
        });
        foreach (var known in _addresses.Where(known => !_identifiers.Contains(known.Address)))
        {
            _identifiers.Add(known.Address);
        }

        return null;
    }

    private static SchemaError Error(KeywordAnnotation annotation, string message) =>
        new(annotation.InstanceLocation, $"#/{Extension}/credentials/code/via", Extension, message, new Dictionary<string, object?>());
}
