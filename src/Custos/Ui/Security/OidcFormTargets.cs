using Custos.Config;

namespace Custos.Ui.Security;

/// <summary>
/// Where a provider button's form post is redirected: each configured provider's authorization endpoint origin, for
/// <c>form-action</c> (Chromium applies it to the redirect after a form post). Presets with fixed endpoints have fixed
/// origins; <c>generic</c>, <c>auth0</c>, <c>gitlab</c> and kinds without a fixed host use their <c>issuer_url</c> and
/// <c>auth_url</c>. Exact origins only (a local IdP on <c>http://127.0.0.1:port</c> included), never a wildcard.
/// </summary>
internal static class OidcFormTargets
{
    private static readonly Dictionary<string, string[]> FixedOrigins = new(StringComparer.Ordinal)
    {
        ["google"] = ["https://accounts.google.com"],
        ["github"] = ["https://github.com"],
        ["microsoft"] = ["https://login.microsoftonline.com"],
        ["apple"] = ["https://appleid.apple.com"],
        ["discord"] = ["https://discord.com"],
        // Kratos sends the browser to facebook.com/dialog/oauth, which forwards it to www.facebook.com.
        ["facebook"] = ["https://facebook.com", "https://www.facebook.com"],
    };

    // GitLab's endpoints default to gitlab.com when no issuer_url names a self-hosted instance.
    private const string GitLabDefault = "https://gitlab.com";

    /// <summary>The origins the configured providers' sign-in redirects go to; empty when <c>oidc</c> is disabled.</summary>
    public static IEnumerable<string> Origins(CustosOptions o)
    {
        var oidc = o.Selfservice.Methods.Oidc;
        if (!oidc.Enabled)
        {
            yield break;
        }

        // An organisation's providers are never offered on these pages (Ory Network only).
        foreach (var provider in oidc.Config.Providers.Where(p => string.IsNullOrEmpty(p.OrganizationId)))
        {
            if (FixedOrigins.TryGetValue(provider.Provider, out var fixedOrigins))
            {
                foreach (var origin in fixedOrigins)
                {
                    yield return origin;
                }

                continue;
            }

            var issuer = ContentSecurityPolicy.Origin(provider.IssuerUrl);
            var auth = ContentSecurityPolicy.Origin(provider.AuthUrl);
            if (issuer is null && auth is null && provider.Provider == "gitlab")
            {
                yield return GitLabDefault;
            }

            foreach (var origin in new[] { issuer, auth }.OfType<string>().Where(x => !x.Contains('*', StringComparison.Ordinal)))
            {
                yield return origin;
            }
        }
    }
}
