using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.Identity;
using static Custos.Sessions.SessionRows;

namespace Custos.Sessions;

/// <summary>
/// Reading the identity's credentials together with a session below aal2, for the <c>highest_available</c> check, without
/// an extra statement: on SQLite as two more kinds of the address UNION ALL, on PostgreSQL as one more JSON column.
/// </summary>
internal sealed partial class SqlSessionStore
{
    // CASE skips the subquery for aal2 sessions, which pass every AAL check without credentials. Should the stored level
    // ever disagree with the methods, the credentials are simply not marked loaded and the check reads them itself.
    private const string CredentialsJsonColumn =
        "CASE WHEN s.aal = 'aal2' THEN NULL ELSE (SELECT COALESCE(json_agg(json_build_object("
        + "'id', c.id, 'type', c.type, 'config', c.config, 'version', c.version, 'created_at', c.created_at, 'updated_at', c.updated_at, "
        + "'identifiers', (SELECT COALESCE(json_agg(ci.identifier ORDER BY ci.created_at, ci.identifier), '[]'::json) FROM identity_credential_identifiers ci "
        + "WHERE ci.identity_id = i.id AND ci.identity_credential_id = c.id))), '[]'::json)::text "
        + "FROM identity_credentials c WHERE c.identity_id = i.id) END AS credentials_json";

    private static string CredentialRows(string match) =>
        $"UNION ALL SELECT 'c' AS kind, id, identity_id, type, CAST(config AS TEXT), NULL, NULL, CAST(version AS TEXT), created_at, updated_at FROM identity_credentials WHERE nid = @Nid AND {match} "
        + $"UNION ALL SELECT 'i' AS kind, identity_credential_id, identity_id, type, identifier, NULL, NULL, NULL, created_at, updated_at FROM identity_credential_identifiers WHERE nid = @Nid AND {match} ";

    private static bool NeedsCredentials(Session session) =>
        AuthenticatorAssurance.Compute(session.AuthenticationMethods) != AuthenticatorAssurance.Aal2;

    private static void ApplyCredentialRows(Dictionary<Guid, Identity.Identity> identities, List<AddressRow> rows)
    {
        var identifiers = rows.Where(r => r.Kind == "i").ToLookup(r => r.Id, r => r.Value);
        foreach (var c in rows.Where(r => r.Kind == "c"))
        {
            identities[c.IdentityId].Credentials[c.Via] = new Credentials
            {
                Id = c.Id,
                Type = c.Via,
                Config = JsonNode.Parse(c.Value) as JsonObject ?? [],
                Version = int.Parse(c.Status ?? "0", CultureInfo.InvariantCulture),
                Identifiers = identifiers[c.Id].ToList(),
                CreatedAt = c.CreatedAt,
                UpdatedAt = c.UpdatedAt,
            };
        }

        foreach (var identity in identities.Values)
        {
            identity.CredentialsLoaded = true;
        }
    }

    private static void ApplyCredentialJson(Identity.Identity identity, string json)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var c in document.RootElement.EnumerateArray())
        {
            var type = c.GetProperty("type").GetString()!;
            identity.Credentials[type] = new Credentials
            {
                Id = c.GetProperty("id").GetGuid(),
                Type = type,
                Config = JsonNode.Parse(c.GetProperty("config").GetRawText()) as JsonObject ?? [],
                Version = c.GetProperty("version").GetInt32(),
                Identifiers = c.GetProperty("identifiers").EnumerateArray().Select(i => i.GetString() ?? "").ToList(),
                CreatedAt = Time(c.GetProperty("created_at")),
                UpdatedAt = Time(c.GetProperty("updated_at")),
            };
        }

        identity.CredentialsLoaded = true;
    }

    private static DateTime Time(JsonElement value) =>
        DateTime.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
