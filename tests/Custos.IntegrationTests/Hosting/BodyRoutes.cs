namespace Custos.IntegrationTests.Hosting;

/// <summary>What a route does with its request body.</summary>
public enum BodyUse
{
    /// <summary>Decodes a JSON document (the shared readers): bad JSON must be a 4xx envelope.</summary>
    Json,

    /// <summary>Never reads it; a body, however bad, changes nothing.</summary>
    Ignored,

    /// <summary>Reads a form only when the request is one (<c>HasFormContentType</c>); a JSON body is not read.</summary>
    FormOnly,
}

/// <summary>The real things the routes act on: an identity, its API session, and one API flow of each kind.</summary>
public sealed record BodyTargets(string IdentityId, string SessionToken, IReadOnlyDictionary<string, string> Flows);

/// <summary>
/// One route that accepts a body (POST, PUT, PATCH or DELETE in the app's route table) and how a test reaches a real
/// target on it. Routes that ignore the body are aimed at unknown ids or sent without credentials, so that a test
/// run writes nothing through them either.
/// </summary>
public sealed record BodyRoute(string Key, BodyUse Use, Func<BodyTargets, string> Url, bool WithSessionToken = false)
{
    public string Method => Key.Split(' ')[0];

    public bool Admin => Key.Split(' ')[1].StartsWith("/admin/", StringComparison.Ordinal);
}

/// <summary>
/// Every route of the app that takes a body, keyed "METHOD pattern" as the app's EndpointDataSource spells it.
/// <see cref="MalformedBodyTests"/> fails when the app has a route that is missing here, so a new endpoint cannot
/// skip these checks.
/// </summary>
public static class BodyRoutes
{
    private static readonly string Unknown = Guid.NewGuid().ToString();

    public static readonly IReadOnlyList<BodyRoute> All =
    [
        // Self-service submissions (FlowPayloadReader), on API flows.
        new("POST /self-service/login", BodyUse.Json, t => "/self-service/login?flow=" + t.Flows["login"]),
        new("POST /self-service/registration", BodyUse.Json, t => "/self-service/registration?flow=" + t.Flows["registration"]),
        new("POST /self-service/settings", BodyUse.Json, t => "/self-service/settings?flow=" + t.Flows["settings"], WithSessionToken: true),
        new("POST /self-service/recovery", BodyUse.Json, t => "/self-service/recovery?flow=" + t.Flows["recovery"]),
        new("POST /self-service/verification", BodyUse.Json, t => "/self-service/verification?flow=" + t.Flows["verification"]),
        new("DELETE /self-service/logout/api", BodyUse.Json, _ => "/self-service/logout/api"),

        // Admin JSON (JsonBody).
        new("POST /admin/identities", BodyUse.Json, _ => "/admin/identities"),
        new("PATCH /admin/identities", BodyUse.Json, _ => "/admin/identities"),
        new("PUT /admin/identities/{id}", BodyUse.Json, t => "/admin/identities/" + t.IdentityId),
        new("PATCH /admin/identities/{id}", BodyUse.Json, t => "/admin/identities/" + t.IdentityId),
        new("POST /admin/recovery/code", BodyUse.Json, _ => "/admin/recovery/code"),
        new("POST /admin/recovery/link", BodyUse.Json, _ => "/admin/recovery/link"),
        new("PUT /admin/identity-schemas/{id}", BodyUse.Json, _ => "/admin/identity-schemas/body-check-" + Unknown),
        new("POST /admin/api-keys", BodyUse.Json, _ => "/admin/api-keys"),
        new("POST /admin/identities/{id}/impersonate", BodyUse.Json, t => $"/admin/identities/{t.IdentityId}/impersonate"),
        new("POST /admin/webhooks", BodyUse.Json, _ => "/admin/webhooks"),

        // Routes whose body is never read.
        new("POST /sessions/whoami", BodyUse.Ignored, _ => "/sessions/whoami"),
        new("PUT /sessions/whoami", BodyUse.Ignored, _ => "/sessions/whoami"),
        new("PATCH /sessions/whoami", BodyUse.Ignored, _ => "/sessions/whoami"),
        new("DELETE /sessions", BodyUse.Ignored, _ => "/sessions"),
        new("DELETE /sessions/{id}", BodyUse.Ignored, _ => "/sessions/" + Unknown),
        new("DELETE /admin/identities/{id}", BodyUse.Ignored, _ => "/admin/identities/" + Unknown),
        new("DELETE /admin/identities/{id}/credentials/{type}", BodyUse.Ignored, _ => $"/admin/identities/{Unknown}/credentials/password"),
        new("DELETE /admin/identities/{id}/sessions", BodyUse.Ignored, _ => $"/admin/identities/{Unknown}/sessions"),
        new("DELETE /admin/identities/{id}/throttling", BodyUse.Ignored, _ => $"/admin/identities/{Unknown}/throttling"),
        new("DELETE /admin/identity-schemas/{id}", BodyUse.Ignored, _ => "/admin/identity-schemas/" + Unknown),
        new("DELETE /admin/api-keys/{id}", BodyUse.Ignored, _ => "/admin/api-keys/" + Unknown),
        new("DELETE /admin/sessions", BodyUse.Ignored, _ => "/admin/sessions"),
        new("DELETE /admin/sessions/{id}", BodyUse.Ignored, _ => "/admin/sessions/" + Unknown),
        new("PATCH /admin/sessions/{id}/extend", BodyUse.Ignored, _ => $"/admin/sessions/{Unknown}/extend"),
        new("DELETE /admin/webhooks/{id}", BodyUse.Ignored, _ => "/admin/webhooks/" + Unknown),

        // The built-in UI's form posts (CSRF-checked; no cookie here, so nothing happens).
        // Social sign-in's form_post callbacks move the form into a redirect's query; nothing else is read.
        new("POST /self-service/methods/oidc/callback/{provider}", BodyUse.FormOnly, _ => "/self-service/methods/oidc/callback/unknown"),
        new("POST /self-service/methods/oidc/callback", BodyUse.FormOnly, _ => "/self-service/methods/oidc/callback"),
        new("POST /ui/sessions/revoke", BodyUse.FormOnly, _ => "/ui/sessions/revoke"),
        new("POST /ui/sessions/revoke-others", BodyUse.FormOnly, _ => "/ui/sessions/revoke-others"),
        new("POST /ui/logout", BodyUse.FormOnly, _ => "/ui/logout"),
    ];
}
