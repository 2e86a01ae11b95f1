using System.Text;
using Custos.Config;

namespace Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;

/// <summary>
/// Builds an authorization request URL (RFC 6749 §4.1.1) as golang.org/x/oauth2's <c>AuthCodeURL</c> does with
/// Kratos's options: the allowed upstream parameters first, then the provider's own parameters, then PKCE (a later
/// value replaces an earlier one, so a refresh's <c>prompt=login</c> wins), keys sorted, spaces as <c>+</c>.
/// </summary>
internal static class AuthorizationUrl
{
    /// <summary>The only upstream parameters ever forwarded; <c>login_hint</c> is not one (HackerOne #3239672, client swap).</summary>
    public static readonly IReadOnlySet<string> AllowedUpstream = new HashSet<string>(StringComparer.Ordinal) { "hd", "prompt", "auth_type", "acr_values" };

    /// <summary>The URL for <paramref name="request"/> at <paramref name="endpoint"/>.</summary>
    public static string Build(
        string endpoint,
        OidcProviderOptions config,
        OidcAuthorizationRequest request,
        IReadOnlyList<string> scopes,
        IEnumerable<KeyValuePair<string, string>> providerParameters)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["response_type"] = "code",
            ["client_id"] = config.ClientId,
            ["redirect_uri"] = request.RedirectUri,
            ["state"] = request.State,
        };
        if (scopes.Count > 0)
        {
            values["scope"] = string.Join(' ', scopes);
        }

        // The strategy filters too; the provider checks again so no caller can make it send anything else.
        foreach (var (key, value) in request.UpstreamParameters.Where(p => AllowedUpstream.Contains(p.Key)))
        {
            values[key] = value;
        }

        foreach (var (key, value) in providerParameters)
        {
            values[key] = value;
        }

        if (request.CodeChallenge is { } challenge)
        {
            values["code_challenge"] = challenge;
            values["code_challenge_method"] = "S256";
        }

        var url = new StringBuilder(endpoint).Append(endpoint.Contains('?', StringComparison.Ordinal) ? '&' : '?');
        url.AppendJoin('&', values.Select(v => Escape(v.Key) + "=" + Escape(v.Value)));
        return url.ToString();
    }

    /// <summary>The options Kratos's generic provider adds: <c>prompt=login</c> for a refresh, <c>claims</c> from <c>requested_claims</c>.</summary>
    public static List<KeyValuePair<string, string>> GenericParameters(OidcProviderOptions config, OidcAuthorizationRequest request)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        if (request.ForceLogin)
        {
            parameters.Add(new("prompt", "login"));
        }

        if (config.RequestedClaims is { ValueKind: not System.Text.Json.JsonValueKind.Null and not System.Text.Json.JsonValueKind.Undefined } claims)
        {
            parameters.Add(new("claims", claims.GetRawText()));
        }

        return parameters;
    }

    /// <summary><paramref name="scopes"/> with <c>openid</c> appended when missing, as Kratos's OIDC providers send them.</summary>
    public static List<string> WithOpenId(IEnumerable<string> scopes)
    {
        var list = scopes.ToList();
        if (!list.Contains("openid"))
        {
            list.Add("openid");
        }

        return list;
    }

    /// <summary>Go's <c>url.QueryEscape</c>: RFC 3986 unreserved characters kept, space as <c>+</c>.</summary>
    private static string Escape(string s) => Uri.EscapeDataString(s).Replace("%20", "+", StringComparison.Ordinal);
}
