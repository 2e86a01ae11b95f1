using Custos.Config;
using Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;
using Microsoft.Extensions.Logging;

namespace Custos.SelfService.Strategies.Oidc.Providers.UserInfo;

/// <summary>
/// Builds <c>auth0</c> (<c>issuer_url</c> = the tenant, <c>/authorize</c>, <c>/oauth/token</c>, <c>/userinfo</c>) and
/// <c>gitlab</c> (<c>issuer_url</c>, default <c>https://gitlab.com</c>; <c>/oauth/authorize</c>, <c>/oauth/token</c>,
/// <c>/oauth/userinfo</c>) providers.
/// </summary>
internal sealed class UserInfoKinds(OpenIdConnectClients clients, ILogger<UserInfoProvider> logger) : IOidcProviderKind
{
    /// <summary>GitLab's SaaS instance, used when <c>issuer_url</c> is not set.</summary>
    public const string GitLabDefault = "https://gitlab.com";

    public IReadOnlyCollection<string> Kinds { get; } = ["auth0", "gitlab"];

    public IOidcProvider Create(OidcProviderOptions config)
    {
        var issuerUrl = config.IssuerUrl ?? "";

        // Kratos discovers PKCE support at issuer_url as configured (not GitLab's default).
        var discovery = issuerUrl.Length == 0 ? null : clients.ForIssuer(config, issuerUrl);
        if (config.Provider == "auth0")
        {
            return new UserInfoProvider(
                config, UserInfoEndpoints.Below(issuerUrl, "/authorize", "/oauth/token", "/userinfo"), issuerUrl, discovery, clients.Http, logger);
        }

        var gitlab = issuerUrl.Length == 0 ? GitLabDefault : issuerUrl;
        return new UserInfoProvider(
            config, UserInfoEndpoints.Below(gitlab, "/oauth/authorize", "/oauth/token", "/oauth/userinfo"), gitlab, discovery, clients.Http, logger);
    }
}
