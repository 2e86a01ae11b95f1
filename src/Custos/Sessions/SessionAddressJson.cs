using System.Globalization;
using System.Text.Json;
using Custos.Identity;
using Custos.Persistence;

namespace Custos.Sessions;

/// <summary>
/// The identity's addresses aggregated into JSON inside the session query (one statement per whoami): the SQL
/// that builds the arrays per dialect, and the reader that turns them back into address objects.
/// </summary>
internal static class SessionAddressJson
{
    private const string VerifiableFields = "id, via, value, verified, verified_at, status, created_at, updated_at";
    private const string RecoveryFields = "id, via, value, created_at, updated_at";

    /// <summary>The two extra select columns, <c>verifiable_json</c> and <c>recovery_json</c>, for identity alias <c>i</c>.</summary>
    public static string Columns(SqlDialect dialect) => dialect == SqlDialect.Postgres
        ? $"{Postgres("identity_verifiable_addresses", VerifiableFields)} AS verifiable_json, {Postgres("identity_recovery_addresses", RecoveryFields)} AS recovery_json"
        : $"{Sqlite("identity_verifiable_addresses", VerifiableFields)} AS verifiable_json, {Sqlite("identity_recovery_addresses", RecoveryFields)} AS recovery_json";

    private static string Postgres(string table, string fields) =>
        $"(SELECT COALESCE(json_agg(json_build_object({Pairs(fields, "a.")}) ORDER BY a.created_at, a.id), '[]'::json)::text FROM {table} a WHERE a.identity_id = i.id)";

    private static string Sqlite(string table, string fields) =>
        $"(SELECT json_group_array(json_object({Pairs(fields, "a.")})) FROM (SELECT * FROM {table} WHERE identity_id = i.id ORDER BY created_at, id) a)";

    private static string Pairs(string fields, string prefix) =>
        string.Join(", ", fields.Split(", ").Select(f => $"'{f}', {prefix}{f}"));

    public static void Apply(Identity.Identity identity, string? verifiable, string? recovery)
    {
        identity.VerifiableAddresses = Read(verifiable).Select(e => new VerifiableAddress
        {
            Id = Guid.Parse(e.GetProperty("id").GetString()!),
            Value = e.GetProperty("value").GetString()!,
            Via = e.GetProperty("via").GetString()!,
            Verified = e.GetProperty("verified").ValueKind switch { JsonValueKind.True => true, JsonValueKind.Number => e.GetProperty("verified").GetInt32() != 0, _ => false },
            VerifiedAt = Time(e.GetProperty("verified_at")),
            Status = e.GetProperty("status").GetString() ?? "",
            CreatedAt = Time(e.GetProperty("created_at"))!.Value,
            UpdatedAt = Time(e.GetProperty("updated_at"))!.Value,
        }).ToList();
        identity.RecoveryAddresses = Read(recovery).Select(e => new RecoveryAddress
        {
            Id = Guid.Parse(e.GetProperty("id").GetString()!),
            Value = e.GetProperty("value").GetString()!,
            Via = e.GetProperty("via").GetString()!,
            CreatedAt = Time(e.GetProperty("created_at"))!.Value,
            UpdatedAt = Time(e.GetProperty("updated_at"))!.Value,
        }).ToList();
    }

    private static List<JsonElement> Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static DateTime? Time(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? DateTime.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
        : null;
}
