using System.Net;
using Custos.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.Admin;

/// <summary>
/// Every admin route × its scope: 401 without a key, 403 with a key that has every scope but the right one, neither with
/// the right one. A second test fails when an admin route exists that this table does not list.
/// </summary>
public sealed class AdminRouteScopeTableTests(KeyedApp app) : IClassFixture<KeyedApp>
{
    private const string Id = "00000000-0000-4000-8000-00000000abcd";

    public static readonly TheoryData<string, string, string, string> Routes = new()
    {
        { "GET", "/admin/identities", "/admin/identities", "identities:read" },
        { "POST", "/admin/identities", "/admin/identities", "identities:write" },
        { "PATCH", "/admin/identities", "/admin/identities", "identities:write" },
        { "GET", "/admin/identities/by/external/{externalId}", "/admin/identities/by/external/ext-1", "identities:read" },
        { "GET", "/admin/identities/{id}", $"/admin/identities/{Id}", "identities:read" },
        { "PUT", "/admin/identities/{id}", $"/admin/identities/{Id}", "identities:write" },
        { "PATCH", "/admin/identities/{id}", $"/admin/identities/{Id}", "identities:write" },
        { "DELETE", "/admin/identities/{id}", $"/admin/identities/{Id}", "identities:write" },
        { "DELETE", "/admin/identities/{id}/credentials/{type}", $"/admin/identities/{Id}/credentials/password", "identities:write" },
        { "GET", "/admin/identities/{id}/sessions", $"/admin/identities/{Id}/sessions", "sessions:read" },
        { "DELETE", "/admin/identities/{id}/sessions", $"/admin/identities/{Id}/sessions", "sessions:write" },
        { "GET", "/admin/sessions", "/admin/sessions", "sessions:read" },
        { "DELETE", "/admin/sessions", "/admin/sessions", "sessions:write" },
        { "GET", "/admin/sessions/{id}", $"/admin/sessions/{Id}", "sessions:read" },
        { "DELETE", "/admin/sessions/{id}", $"/admin/sessions/{Id}", "sessions:write" },
        { "PATCH", "/admin/sessions/{id}/extend", $"/admin/sessions/{Id}/extend", "sessions:write" },
        { "GET", "/admin/courier/messages", "/admin/courier/messages", "courier:read" },
        { "GET", "/admin/courier/messages/{id}", $"/admin/courier/messages/{Id}", "courier:read" },
        { "POST", "/admin/recovery/code", "/admin/recovery/code", "recovery:write" },
        { "POST", "/admin/recovery/link", "/admin/recovery/link", "recovery:write" },
        { "GET", "/admin/schemas", "/admin/schemas", "identities:read" },
        { "GET", "/admin/schemas/{id}", "/admin/schemas/ZGVmYXVsdA", "identities:read" },
        { "POST", "/admin/api-keys", "/admin/api-keys", "admin" },
        { "GET", "/admin/api-keys", "/admin/api-keys", "admin" },
        { "DELETE", "/admin/api-keys/{id}", $"/admin/api-keys/{Id}", "admin" },
        { "POST", "/admin/identities/{id}/impersonate", $"/admin/identities/{Id}/impersonate", "impersonate" },
        { "DELETE", "/admin/identities/{id}/throttling", $"/admin/identities/{Id}/throttling", "identities:write" },
        { "GET", "/admin/audit-events", "/admin/audit-events", "audit:read" },
        { "POST", "/admin/webhooks", "/admin/webhooks", "webhooks:write" },
        { "GET", "/admin/webhooks", "/admin/webhooks", "webhooks:write" },
        { "GET", "/admin/webhooks/{id}", $"/admin/webhooks/{Id}", "webhooks:write" },
        { "DELETE", "/admin/webhooks/{id}", $"/admin/webhooks/{Id}", "webhooks:write" },
        { "GET", "/admin/webhooks/{id}/deliveries", $"/admin/webhooks/{Id}/deliveries", "webhooks:write" },
        { "PUT", "/admin/identity-schemas/{id}", "/admin/identity-schemas/scope-check", "schemas:write" },
        { "GET", "/admin/identity-schemas/{id}", "/admin/identity-schemas/scope-check", "schemas:write" },
        { "DELETE", "/admin/identity-schemas/{id}", "/admin/identity-schemas/scope-check", "schemas:write" },
        { "GET", "/admin/config", "/admin/config", "config:read" },
    };

    [SkippableTheory]
    [MemberData(nameof(Routes))]
    public async Task Route_NeedsItsScope(string method, string pattern, string path, string scope)
    {
        _ = pattern;
        var allButRight = Custos.Admin.Keys.AdminScopes.All.Where(s => s != scope && s != "admin").ToArray();
        var (_, wrong) = await app.CreateKeyAsync(allButRight);
        var (_, right) = await app.CreateKeyAsync([scope]);

        var none = await app.Admin().SendAsync(Request(method, path));
        var withWrong = await app.Admin(wrong).SendAsync(Request(method, path));
        var withRight = await app.Admin(right).SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withWrong.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, withRight.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, withRight.StatusCode);
        Assert.True((int)withRight.StatusCode < 500, $"{method} {path}: {(int)withRight.StatusCode}");
    }

    [SkippableFact]
    public void EveryAdminRoute_IsInTheTable()
    {
        _ = app.Admin();
        var listed = Routes.Select(r => ((string)r[0], (string)r[1])).ToHashSet();
        var open = new[] { "/admin/health/alive", "/admin/health/ready", "/admin/version" };

        var missing = app.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/admin/", StringComparison.Ordinal) && !open.Contains(raw))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (m, e.RoutePattern.RawText!)))
            .Where(r => !listed.Contains(r) && !IsPublicOnly(r.Item2))
            .ToList();

        Assert.Empty(missing);
    }

    // Paths mapped under /admin only to send the caller to the public port (Kratos's redirects), not admin routes.
    private static bool IsPublicOnly(string raw) => raw.StartsWith("/admin/self-service", StringComparison.Ordinal);

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "POST" or "PUT" or "PATCH" ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json") : null,
    };
}
