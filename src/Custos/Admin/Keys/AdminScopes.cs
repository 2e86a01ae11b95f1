namespace Custos.Admin.Keys;

/// <summary>The scopes an admin API key may carry (issue 14 §1); <see cref="Admin"/> grants every other one.</summary>
internal static class AdminScopes
{
    public const string IdentitiesRead = "identities:read";
    public const string IdentitiesWrite = "identities:write";
    public const string SessionsRead = "sessions:read";
    public const string SessionsWrite = "sessions:write";
    public const string CourierRead = "courier:read";
    public const string RecoveryWrite = "recovery:write";
    public const string AuditRead = "audit:read";
    public const string WebhooksWrite = "webhooks:write";
    public const string SchemasWrite = "schemas:write";
    public const string ConfigRead = "config:read";
    public const string Impersonate = "impersonate";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All =
    [
        IdentitiesRead, IdentitiesWrite, SessionsRead, SessionsWrite, CourierRead, RecoveryWrite, AuditRead,
        WebhooksWrite, SchemasWrite, ConfigRead, Impersonate, Admin,
    ];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);

    /// <summary>Whether a key holding <paramref name="held"/> may use a route that needs <paramref name="required"/>.</summary>
    public static bool Grants(IReadOnlySet<string> held, string required) => held.Contains(Admin) || held.Contains(required);
}
