using System.Text.Json;
using System.Text.Json.Nodes;

namespace Custos.SelfService.Strategies.Oidc.Mapper;

/// <summary>
/// Reads a mapper's output as Kratos's <c>strategy_registration.go</c> does: <c>identity.traits</c> must be an object
/// (500), each metadata key when present an object (500, Kratos's misconfiguration error), and
/// <c>identity.verified_addresses</c> when present an array of <c>{via, value}</c> objects (400); e-mail values are
/// trimmed and lower-cased.
/// </summary>
internal static class OidcMapperOutput
{
    private const string VerifiedAddressesKey = "identity.verified_addresses";

    /// <summary>The mapped identity; throws <see cref="OidcMapperException"/> for every shape Kratos refuses.</summary>
    public static OidcMappedIdentity Parse(string output)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(output);
        }
        catch (JsonException)
        {
            root = null;
        }

        var identity = (root as JsonObject)?["identity"] as JsonObject;
        if (identity?["traits"] is not JsonObject traits)
        {
            throw new OidcMapperException("OpenID Connect Jsonnet mapper did not return an object for key identity.traits. Please check your Jsonnet code!");
        }

        return new OidcMappedIdentity(
            (JsonObject)traits.DeepClone(),
            Metadata(identity, "metadata_public"),
            Metadata(identity, "metadata_admin"),
            VerifiedAddresses(identity));
    }

    // Present means present with any value, null included (gjson's Exists), as Kratos checks it.
    private static JsonObject? Metadata(JsonObject identity, string key)
    {
        if (!identity.TryGetPropertyValue(key, out var node))
        {
            return null;
        }

        return node as JsonObject is { } metadata
            ? (JsonObject)metadata.DeepClone()
            : throw new OidcMapperException($"OpenID Connect Jsonnet mapper did not return an object for key identity.{key}. Please check your Jsonnet code!");
    }

    private static List<OidcVerifiedAddress> VerifiedAddresses(JsonObject identity)
    {
        if (!identity.TryGetPropertyValue("verified_addresses", out var node))
        {
            return [];
        }

        if (node is not JsonArray items)
        {
            throw new OidcMapperException($"OpenID Connect Jsonnet mapper did not return an array for key {VerifiedAddressesKey}. Please check your Jsonnet code!", 400);
        }

        var addresses = new List<OidcVerifiedAddress>(items.Count);
        foreach (var item in items)
        {
            // Go's json.Unmarshal leaves a null element as a zero value and refuses any other non-object.
            if (item is null)
            {
                addresses.Add(new OidcVerifiedAddress("", ""));
                continue;
            }

            if (item is not JsonObject address)
            {
                throw Unreadable();
            }

            var via = StringField(address, "via");
            var value = StringField(address, "value");
            addresses.Add(new OidcVerifiedAddress(via, via == "email" ? value.Trim().ToLowerInvariant() : value));
        }

        return addresses;
    }

    private static string StringField(JsonObject address, string key) => address[key] switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw Unreadable(),
    };

    private static OidcMapperException Unreadable() =>
        new($"Failed to unmarshal value for key {VerifiedAddressesKey}. Please check your Jsonnet code!", 400);
}
