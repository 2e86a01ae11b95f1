using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.Identity;

namespace Custos.Sessions;

/// <summary>
/// Writes a session in Kratos's field order: id, active, expires_at, authenticated_at, authenticator_assurance_level,
/// authentication_methods, issued_at, identity, devices. <c>active</c> is computed at <paramref name="now"/>; tokens are never written.
/// </summary>
internal static class SessionJson
{
    /// <param name="s">The session.</param>
    /// <param name="now">The time <c>active</c> is evaluated at (<c>Clock.Now</c> of the request).</param>
    /// <param name="publicBaseUrl">For the identity's <c>schema_url</c>.</param>
    /// <param name="admin">Admin views include the identity's <c>metadata_admin</c>.</param>
    /// <param name="expandIdentity">False writes <c>identity: null</c>, as the admin list does unless expanded.</param>
    /// <param name="expandDevices">False writes <c>devices: null</c>.</param>
    public static JsonObject Write(Session s, DateTime now, string publicBaseUrl, bool admin, bool expandIdentity = true, bool expandDevices = true)
    {
        JsonNode? identity = null;
        if (expandIdentity && s.Identity is { } i)
        {
            identity = admin ? IdentityJson.Admin(i, publicBaseUrl, withCredentials: false) : IdentityJson.Public(i, publicBaseUrl);
        }

        var json = new JsonObject
        {
            ["id"] = s.Id.ToString("D"),
            ["active"] = s.IsActive(now),
            ["expires_at"] = KratosTime.Format(s.ExpiresAt),
            ["authenticated_at"] = KratosTime.Format(s.AuthenticatedAt),
            ["authenticator_assurance_level"] = s.AuthenticatorAssuranceLevel,
            ["authentication_methods"] = s.AuthenticationMethods.Count == 0 ? null : new JsonArray(s.AuthenticationMethods.Select(AuthenticationMethodJson.Write).ToArray<JsonNode?>()),
            ["issued_at"] = KratosTime.Format(s.IssuedAt),
            ["identity"] = identity,
            ["devices"] = expandDevices ? new JsonArray(s.Devices.Select(Device).ToArray<JsonNode?>()) : null,
        };
        if (s.Impersonator is { } impersonator)
        {
            // Custos: only impersonated sessions carry the member, so every other session keeps Kratos's exact shape.
            json["impersonator"] = impersonator.ToJson();
        }

        return json;
    }

    private static JsonObject Device(SessionDevice d) => new()
    {
        ["id"] = d.Id.ToString("D"),
        ["ip_address"] = d.IpAddress,
        ["user_agent"] = d.UserAgent,
        ["location"] = d.Location,
    };
}
