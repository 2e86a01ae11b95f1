using System.Text.RegularExpressions;

namespace Custos.Admin.Keys;

/// <summary>
/// THE table of which scope each admin route needs (method + route pattern below <c>/admin</c>). A new admin route is
/// added here and nowhere else; a route missing from the table needs <see cref="AdminScopes.Admin"/>, so forgetting it
/// fails closed. Parameter names do not matter (<c>{id}</c> and <c>{identityId}</c> are the same segment); a pattern
/// ending in <c>*</c> covers everything below it; method <c>*</c> is any method.
/// </summary>
internal static partial class AdminRouteScopes
{
    private static readonly (string Method, string Pattern, string Scope)[] Table =
    [
        ("GET", "/identities", AdminScopes.IdentitiesRead),
        ("POST", "/identities", AdminScopes.IdentitiesWrite),
        ("PATCH", "/identities", AdminScopes.IdentitiesWrite),
        ("GET", "/identities/by/external/{}", AdminScopes.IdentitiesRead),
        ("GET", "/identities/{}", AdminScopes.IdentitiesRead),
        ("PUT", "/identities/{}", AdminScopes.IdentitiesWrite),
        ("PATCH", "/identities/{}", AdminScopes.IdentitiesWrite),
        ("DELETE", "/identities/{}", AdminScopes.IdentitiesWrite),
        ("DELETE", "/identities/{}/credentials/{}", AdminScopes.IdentitiesWrite),
        ("DELETE", "/identities/{}/throttling", AdminScopes.IdentitiesWrite),
        ("POST", "/identities/{}/impersonate", AdminScopes.Impersonate),
        ("GET", "/identities/{}/sessions", AdminScopes.SessionsRead),
        ("DELETE", "/identities/{}/sessions", AdminScopes.SessionsWrite),
        ("GET", "/sessions", AdminScopes.SessionsRead),
        ("DELETE", "/sessions", AdminScopes.SessionsWrite),
        ("GET", "/sessions/{}", AdminScopes.SessionsRead),
        ("DELETE", "/sessions/{}", AdminScopes.SessionsWrite),
        ("PATCH", "/sessions/{}/extend", AdminScopes.SessionsWrite),
        ("GET", "/courier/messages", AdminScopes.CourierRead),
        ("GET", "/courier/messages/{}", AdminScopes.CourierRead),
        ("POST", "/recovery/code", AdminScopes.RecoveryWrite),
        ("POST", "/recovery/link", AdminScopes.RecoveryWrite),
        // The schema list is public on the public port too; on the admin port it is read like identities.
        ("GET", "/schemas", AdminScopes.IdentitiesRead),
        ("GET", "/schemas/{}", AdminScopes.IdentitiesRead),
        ("GET", "/audit-events", AdminScopes.AuditRead),
        ("*", "/webhooks*", AdminScopes.WebhooksWrite),
        ("*", "/identity-schemas*", AdminScopes.SchemasWrite),
        ("GET", "/config", AdminScopes.ConfigRead),
        ("*", "/api-keys*", AdminScopes.Admin),
    ];

    /// <summary>
    /// The scope a request needs. <paramref name="routePattern"/> is the matched endpoint's pattern (with or without the
    /// <c>/admin</c> prefix), or null when no endpoint matched: that needs <see cref="AdminScopes.Admin"/>.
    /// </summary>
    public static string Required(string method, string? routePattern)
    {
        if (routePattern is null)
        {
            return AdminScopes.Admin;
        }

        var route = Normalize(routePattern);
        foreach (var (m, pattern, scope) in Table)
        {
            var methodMatches = m == "*" || string.Equals(m, method, StringComparison.OrdinalIgnoreCase);
            var patternMatches = pattern.EndsWith('*')
                ? route.StartsWith(pattern[..^1], StringComparison.Ordinal)
                : string.Equals(route, pattern, StringComparison.Ordinal);
            if (methodMatches && patternMatches)
            {
                return scope;
            }
        }

        return AdminScopes.Admin;
    }

    /// <summary>Whether the path stays open without a key: health probes and the version, as Kratos's are.</summary>
    public static bool IsOpen(string path) =>
        path.StartsWith("/admin/health/", StringComparison.Ordinal) || path is "/admin/version" or "/admin/version/";

    private static string Normalize(string pattern)
    {
        var text = pattern.StartsWith("/admin/", StringComparison.Ordinal) || pattern == "/admin" ? pattern["/admin".Length..] : pattern;
        text = Parameter().Replace(text, "{}");
        return text.Length > 1 ? text.TrimEnd('/') : text;
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
