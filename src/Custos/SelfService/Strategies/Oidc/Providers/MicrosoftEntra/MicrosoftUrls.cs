namespace Custos.SelfService.Strategies.Oidc.Providers.MicrosoftEntra;

/// <summary>
/// Where the <c>microsoft</c> provider reaches Microsoft: the identity platform (authorize, token, each tenant's
/// discovery document) and Microsoft Graph. Tests replace the singleton; the issuers tokens carry stay
/// <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.
/// </summary>
/// <param name="Login">The identity platform's base URL.</param>
/// <param name="Graph">Microsoft Graph's base URL (<c>subject_source: me</c>).</param>
internal sealed record MicrosoftUrls(string Login, string Graph)
{
    /// <summary>The host of the issuers in Microsoft's tokens.</summary>
    public const string IssuerHost = "https://login.microsoftonline.com";

    /// <summary>Microsoft's production URLs.</summary>
    public static readonly MicrosoftUrls Default = new(IssuerHost, "https://graph.microsoft.com");
}
