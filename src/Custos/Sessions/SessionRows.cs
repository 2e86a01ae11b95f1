using System.Globalization;
using System.Text.Json.Nodes;
using Custos.Hosting;

namespace Custos.Sessions;

/// <summary>Database row shapes of the sessions table and the JSON codecs of its two JSON columns.</summary>
internal static class SessionRows
{
    public const string Columns =
        "s.id, s.identity_id, s.active, s.expires_at, s.authenticated_at, s.issued_at, s.aal, s.authentication_methods, s.devices, s.created_at, s.updated_at, s.impersonator";

    internal sealed class SessionRow
    {
        public Guid Id { get; set; }
        public Guid IdentityId { get; set; }
        public bool Active { get; set; }
        public DateTime ExpiresAt { get; set; }
        public DateTime AuthenticatedAt { get; set; }
        public DateTime IssuedAt { get; set; }
        public string Aal { get; set; } = AuthenticatorAssurance.Aal0;
        public string AuthenticationMethods { get; set; } = "[]";
        public string Devices { get; set; } = "[]";
        public DateTime CreatedAt { get; set; }
        public DateTime UpdatedAt { get; set; }
        public string? Impersonator { get; set; }
    }

    /// <summary>The identity's addresses (and credentials) as JSON, read with the session in one statement on PostgreSQL.</summary>
    internal sealed class AddressJsonRow
    {
        public string? VerifiableJson { get; set; }
        public string? RecoveryJson { get; set; }

        /// <summary>The identity's credentials (PostgreSQL, sessions below aal2 only; see <c>SqlSessionStore.CredentialsJsonColumn</c>).</summary>
        public string? CredentialsJson { get; set; }
    }

    /// <summary>
    /// A verifiable (<c>kind = 'v'</c>) or recovery (<c>'r'</c>) address, read by one UNION ALL; with credentials, also a
    /// credential (<c>'c'</c>: type in <c>via</c>, config in <c>value</c>, version in <c>status</c>) or one of its
    /// identifiers (<c>'i'</c>: the credential's id in <c>id</c>, the identifier in <c>value</c>).
    /// </summary>
    internal sealed class AddressRow
    {
        public string Kind { get; set; } = "";
        public Guid Id { get; set; }
        public Guid IdentityId { get; set; }
        public string Via { get; set; } = "";
        public string Value { get; set; } = "";
        public bool? Verified { get; set; }
        public DateTime? VerifiedAt { get; set; }
        public string? Status { get; set; }
        public DateTime CreatedAt { get; set; }
        public DateTime UpdatedAt { get; set; }
    }

    public static Session ToSession(SessionRow r) => new()
    {
        Id = r.Id,
        IdentityId = r.IdentityId,
        Active = r.Active,
        ExpiresAt = r.ExpiresAt,
        AuthenticatedAt = r.AuthenticatedAt,
        IssuedAt = r.IssuedAt,
        AuthenticatorAssuranceLevel = r.Aal,
        AuthenticationMethods = MethodsFromJson(r.AuthenticationMethods),
        Devices = DevicesFromJson(r.Devices),
        CreatedAt = r.CreatedAt,
        UpdatedAt = r.UpdatedAt,
        Impersonator = SessionImpersonator.FromJson(r.Impersonator),
    };

    public static string MethodsToJson(IEnumerable<AuthenticationMethod> methods) => AuthenticationMethodJson.WriteAll(methods);

    public static List<AuthenticationMethod> MethodsFromJson(string json) => AuthenticationMethodJson.ReadAll(json);

    public static string DevicesToJson(IEnumerable<SessionDevice> devices) =>
        new JsonArray(devices.Select(d => (JsonNode?)new JsonObject
        {
            ["id"] = d.Id.ToString("D"),
            ["ip_address"] = d.IpAddress,
            ["user_agent"] = d.UserAgent,
            ["location"] = d.Location,
        }).ToArray()).ToJsonString();

    public static List<SessionDevice> DevicesFromJson(string json) =>
        (JsonNode.Parse(json) as JsonArray ?? []).OfType<JsonObject>().Select(o => new SessionDevice(
            Guid.Parse(Str(o, "id")), Str(o, "ip_address"), Str(o, "user_agent"), Str(o, "location"))).ToList();

    private static string Str(JsonObject o, string key) => o[key]?.GetValue<string>() ?? "";
}
