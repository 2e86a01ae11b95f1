using System.Text.Json.Nodes;

namespace Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;

/// <summary>The parts of an OpenID Provider's discovery document (OpenID Connect Discovery 1.0 §3) social sign-in uses.</summary>
internal sealed record OidcDiscoveryDocument(
    string Issuer,
    string AuthorizationEndpoint,
    string TokenEndpoint,
    string? UserinfoEndpoint,
    string JwksUri,
    IReadOnlyList<string> CodeChallengeMethods,
    IReadOnlyList<string> IdTokenSigningAlgorithms)
{
    /// <summary>The document's fields, or null when a required one (issuer, endpoints, jwks_uri) is missing.</summary>
    public static OidcDiscoveryDocument? From(JsonObject o)
    {
        var issuer = Text(o, "issuer");
        var auth = Text(o, "authorization_endpoint");
        var token = Text(o, "token_endpoint");
        var jwks = Text(o, "jwks_uri");
        if (issuer is null || auth is null || token is null || jwks is null)
        {
            return null;
        }

        return new OidcDiscoveryDocument(
            issuer, auth, token, Text(o, "userinfo_endpoint"), jwks,
            Strings(o, "code_challenge_methods_supported"), Strings(o, "id_token_signing_alg_values_supported"));
    }

    private static string? Text(JsonObject o, string key) =>
        o[key] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static List<string> Strings(JsonObject o, string key) =>
        o[key] is JsonArray a
            ? [.. a.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>()]
            : [];
}
