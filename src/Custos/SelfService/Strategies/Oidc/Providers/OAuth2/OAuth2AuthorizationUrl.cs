using Custos.Config;

namespace Custos.SelfService.Strategies.Oidc.Providers.OAuth2;

/// <summary>
/// The authorization URL as golang.org/x/oauth2's <c>AuthCodeURL</c> writes it for Kratos: <c>response_type</c>,
/// <c>client_id</c>, <c>redirect_uri</c>, <c>scope</c> (space-separated), <c>state</c>, then the PKCE challenge, the
/// provider's own parameters and the upstream parameters, each setting (so overriding) its key; keys sorted, values
/// query-escaped as Go does (space as <c>+</c>).
/// </summary>
internal static class OAuth2AuthorizationUrl
{
    /// <param name="authorizeUrl">The provider's authorization endpoint (may already carry a query).</param>
    /// <param name="config">The provider entry (<c>client_id</c>).</param>
    /// <param name="scopes">The scopes to request (the configured ones, plus what the provider adds).</param>
    /// <param name="request">State, redirect URI, PKCE challenge and upstream parameters.</param>
    /// <param name="providerParameters">The preset's own parameters (Kratos's <c>AuthCodeURLOptions</c>).</param>
    public static string Build(
        string authorizeUrl,
        OidcProviderOptions config,
        IReadOnlyList<string> scopes,
        OidcAuthorizationRequest request,
        IEnumerable<KeyValuePair<string, string>> providerParameters)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["response_type"] = "code",
            ["client_id"] = config.ClientId,
        };
        Set(values, "redirect_uri", request.RedirectUri);
        if (scopes.Count > 0)
        {
            values["scope"] = string.Join(' ', scopes);
        }

        Set(values, "state", request.State);
        if (request.CodeChallenge is { Length: > 0 } challenge)
        {
            values["code_challenge"] = challenge;
            values["code_challenge_method"] = "S256";
        }

        foreach (var (key, value) in providerParameters)
        {
            values[key] = value;
        }

        // Kratos applies the upstream parameters last, so a person's `prompt` wins over the preset's.
        foreach (var (key, value) in request.UpstreamParameters)
        {
            values[key] = value;
        }

        var query = string.Join('&', values.Select(p => Escape(p.Key) + "=" + Escape(p.Value)));
        return authorizeUrl + (authorizeUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
    }

    private static void Set(SortedDictionary<string, string> values, string key, string value)
    {
        if (value.Length > 0)
        {
            values[key] = value;
        }
    }

    private static string Escape(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);
}
