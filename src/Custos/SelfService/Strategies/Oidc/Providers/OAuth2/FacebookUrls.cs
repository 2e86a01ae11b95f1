namespace Custos.SelfService.Strategies.Oidc.Providers.OAuth2;

/// <summary>Facebook's fixed endpoints, as Kratos sets them. Tests replace the singleton.</summary>
/// <param name="Authorize">The login dialog.</param>
/// <param name="Token">The Graph API token endpoint.</param>
/// <param name="Me">The Graph API's unversioned <c>/me</c> (Kratos: a versioned one breaks when the version is retired).</param>
internal sealed record FacebookUrls(string Authorize, string Token, string Me)
{
    /// <summary>facebook.com.</summary>
    public static readonly FacebookUrls Default = new(
        "https://facebook.com/dialog/oauth",
        "https://graph.facebook.com/oauth/access_token",
        "https://graph.facebook.com/me");
}
