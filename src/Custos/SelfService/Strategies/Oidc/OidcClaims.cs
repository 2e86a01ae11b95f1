using System.Text.Json.Nodes;

namespace Custos.SelfService.Strategies.Oidc;

/// <summary>
/// The person as a provider describes them, normalised to Kratos's <c>Claims</c> (strategies contract §5.5): what the
/// Jsonnet mapper reads as <c>std.extVar('claims')</c>. <see cref="Raw"/> holds every claim of the ID token, userinfo
/// or provider API answer unmodified.
/// </summary>
internal sealed class OidcClaims
{
    public required string Issuer { get; init; }
    public required string Subject { get; init; }
    public string? Object { get; init; }
    public string? Name { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public string? LastName { get; init; }
    public string? MiddleName { get; init; }
    public string? Nickname { get; init; }
    public string? PreferredUsername { get; init; }
    public string? Profile { get; init; }
    public string? Picture { get; init; }
    public string? Website { get; init; }
    public string? Email { get; init; }
    public bool EmailVerified { get; init; }
    public string? Gender { get; init; }
    public string? Birthdate { get; init; }
    public string? Zoneinfo { get; init; }
    public string? Locale { get; init; }
    public string? PhoneNumber { get; init; }
    public bool PhoneNumberVerified { get; init; }
    public long UpdatedAt { get; init; }
    public string? Hd { get; init; }
    public string? Team { get; init; }
    public string? Nonce { get; init; }
    public bool NonceSupported { get; init; }
    public string? Acr { get; init; }
    public IReadOnlyList<string> Amr { get; init; } = [];
    public JsonObject Raw { get; init; } = [];

    /// <summary>The mapper's <c>claims</c> object: Kratos's JSON member names and order, empty fields left out.</summary>
    public JsonObject ToJson()
    {
        var o = new JsonObject();
        Add(o, "iss", Issuer);
        Add(o, "sub", Subject);
        Add(o, "oid", Object);
        Add(o, "name", Name);
        Add(o, "given_name", GivenName);
        Add(o, "family_name", FamilyName);
        Add(o, "last_name", LastName);
        Add(o, "middle_name", MiddleName);
        Add(o, "nickname", Nickname);
        Add(o, "preferred_username", PreferredUsername);
        Add(o, "profile", Profile);
        Add(o, "picture", Picture);
        Add(o, "website", Website);
        Add(o, "email", Email);
        if (EmailVerified)
        {
            o["email_verified"] = true;
        }

        Add(o, "gender", Gender);
        Add(o, "birthdate", Birthdate);
        Add(o, "zoneinfo", Zoneinfo);
        Add(o, "locale", Locale);
        Add(o, "phone_number", PhoneNumber);
        if (PhoneNumberVerified)
        {
            o["phone_number_verified"] = true;
        }

        if (UpdatedAt != 0)
        {
            o["updated_at"] = UpdatedAt;
        }

        Add(o, "hd", Hd);
        Add(o, "team", Team);
        Add(o, "nonce", Nonce);
        if (NonceSupported)
        {
            o["nonce_supported"] = true;
        }

        Add(o, "acr", Acr);
        if (Amr.Count > 0)
        {
            o["amr"] = new JsonArray([.. Amr.Select(a => (JsonNode)JsonValue.Create(a))]);
        }

        if (Raw.Count > 0)
        {
            o["raw_claims"] = Raw.DeepClone();
        }

        return o;
    }

    private static void Add(JsonObject o, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            o[key] = value;
        }
    }
}
