namespace Custos.SelfService.Strategies.Oidc.Providers.OAuth2;

/// <summary>GitHub's fixed endpoints (golang.org/x/oauth2's <c>github.Endpoint</c> and the REST API base). Tests replace the singleton.</summary>
/// <param name="Authorize">The authorization endpoint.</param>
/// <param name="Token">The token endpoint.</param>
/// <param name="Api">The REST API base, without a trailing slash.</param>
internal sealed record GitHubUrls(string Authorize, string Token, string Api)
{
    /// <summary>github.com.</summary>
    public static readonly GitHubUrls Default = new(
        "https://github.com/login/oauth/authorize",
        "https://github.com/login/oauth/access_token",
        "https://api.github.com");
}
