using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;

/// <summary>
/// Reads a claims object (ID token payload, userinfo answer) into <see cref="OidcClaims"/> the way Kratos's
/// <c>Claims</c> decodes it: <c>email_verified</c> may be the string <c>"true"</c> (Apple), <c>updated_at</c> an
/// RFC 3339 string (Auth0), <c>locale</c> LinkedIn's <c>{language, country}</c>. A field of another type is left
/// out rather than failing the sign-in. <see cref="OidcClaims.Raw"/> keeps the object unmodified.
/// </summary>
internal static class ClaimsReader
{
    /// <summary>
    /// The claims; <paramref name="issuer"/> fills <c>iss</c> when the object has none (userinfo answers usually do not),
    /// <paramref name="subject"/> replaces <c>sub</c> (a provider whose subject comes from elsewhere), and
    /// <paramref name="fallback"/> gives a text claim the object lacks (Apple's <c>user</c> form value).
    /// </summary>
    public static OidcClaims Read(JsonObject o, string? issuer = null, string? subject = null, IReadOnlyDictionary<string, string>? fallback = null)
    {
        string? Text(string key) => ClaimsReader.Text(o, key) ?? fallback?.GetValueOrDefault(key);
        return Build(o, Text, issuer, subject);
    }

    private static OidcClaims Build(JsonObject o, Func<string, string?> text, string? issuer, string? subject) => new()
    {
        Issuer = text("iss") ?? issuer ?? "",
        Subject = subject ?? text("sub") ?? "",
        Object = text("oid"),
        Name = text("name"),
        GivenName = text("given_name"),
        FamilyName = text("family_name"),
        LastName = text("last_name"),
        MiddleName = text("middle_name"),
        Nickname = text("nickname"),
        PreferredUsername = text("preferred_username"),
        Profile = text("profile"),
        Picture = text("picture"),
        Website = text("website"),
        Email = text("email"),
        EmailVerified = Bool(o["email_verified"]),
        Gender = text("gender"),
        Birthdate = text("birthdate"),
        Zoneinfo = text("zoneinfo"),
        Locale = Locale(o["locale"]),
        PhoneNumber = text("phone_number"),
        PhoneNumberVerified = Bool(o["phone_number_verified"]),
        UpdatedAt = UpdatedAt(o["updated_at"]),
        Hd = text("hd"),
        Team = text("team"),
        Nonce = text("nonce"),
        NonceSupported = Bool(o["nonce_supported"]),
        Acr = text("acr"),
        Amr = o["amr"] is JsonArray amr ? [.. amr.Select(a => a is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>()] : [],
        Raw = (JsonObject)o.DeepClone(),
    };

    private static string? Text(JsonObject o, string key) =>
        o[key] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    /// <summary>Kratos's <c>ConvertibleBoolean</c>: a JSON boolean or the strings <c>"true"</c>/<c>"false"</c>.</summary>
    private static bool Bool(JsonNode? node) => node is JsonValue v && v.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.String => string.Equals(v.GetValue<string>(), "true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static long UpdatedAt(JsonNode? node)
    {
        if (node is not JsonValue v)
        {
            return 0;
        }

        if (v.GetValueKind() == JsonValueKind.Number)
        {
            return v.TryGetValue<long>(out var n) ? n : (long)v.GetValue<double>();
        }

        return v.TryGetValue<string>(out var s)
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUnixTimeSeconds()
            : 0;
    }

    private static string? Locale(JsonNode? node)
    {
        if (node is JsonObject linkedIn)
        {
            var language = Text(linkedIn, "language");
            var country = Text(linkedIn, "country");
            return language is null ? country : country is null ? language : language + "-" + country;
        }

        return node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
    }
}
