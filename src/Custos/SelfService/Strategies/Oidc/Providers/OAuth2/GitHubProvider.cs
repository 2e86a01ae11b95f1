using System.Globalization;
using System.Text.Json.Nodes;
using Custos.Config;

namespace Custos.SelfService.Strategies.Oidc.Providers.OAuth2;

/// <summary>
/// Sign in with GitHub: a plain OAuth2 code flow, then the person from the REST API's <c>GET /user</c> and, when
/// <c>user:email</c> was granted, the primary address from <c>GET /user/emails</c>.
/// </summary>
internal sealed class GitHubProvider(OidcProviderOptions config, GitHubUrls urls, HttpClient http) : IOidcProvider
{
    /// <summary>Kratos's issuer for GitHub claims: the token URL of github.com, whatever the endpoints are.</summary>
    public const string Issuer = "https://github.com/login/oauth/access_token";

    public OidcProviderOptions Config => config;

    // Kratos's `auto` discovers PKCE support at issuer_url; GitHub has no discovery document, so only `force` uses it.
    public Task<bool> UsesPkceAsync(CancellationToken ct) => Task.FromResult(config.Pkce == "force");

    // Kratos adds nothing for GitHub, not even `prompt` on a refresh: GitHub's authorize page has no such parameter.
    public Task<string> AuthorizationUrlAsync(OidcAuthorizationRequest request, CancellationToken ct) =>
        Task.FromResult(OAuth2AuthorizationUrl.Build(urls.Authorize, config, config.Scope, request, []));

    public async Task<OidcCallbackResult> CompleteAsync(OidcCallbackRequest request, CancellationToken ct)
    {
        var (tokens, answer) = await OAuth2TokenEndpoint.ExchangeAsync(http, urls.Token, config, request, null, ct);
        var granted = GrantedScopes.Of(answer, ',');
        GrantedScopes.RequireAll(config.Scope, granted);

        var user = await ProviderApi.SendAsync(http, Get("/user", tokens.AccessToken), "the GitHub user", ct) as JsonObject
            ?? throw new OidcProviderException("Unable to fetch the GitHub user: the answer is not a JSON object.");
        var id = user["id"] is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;
        if (id <= 0)
        {
            throw new OidcProviderException("The GitHub user has no id: provider did not return a subject.");
        }

        // `/user` carries only the public address; Kratos asks `/user/emails` (which needs `user:email`) for the
        // primary one and its verified flag, and leaves the email out otherwise.
        var (email, verified) = granted.Contains("user:email", StringComparer.Ordinal)
            ? await PrimaryEmailAsync(tokens.AccessToken, ct)
            : (null, false);

        var claims = new OidcClaims
        {
            Issuer = Issuer,
            Subject = id.ToString(CultureInfo.InvariantCulture),
            Name = ProviderApi.Text(user, "name"),
            Nickname = ProviderApi.Text(user, "login"),
            Website = ProviderApi.Text(user, "blog"),
            Picture = ProviderApi.Text(user, "avatar_url"),
            Profile = ProviderApi.Text(user, "html_url"),
            UpdatedAt = DateTimeOffset.TryParse(ProviderApi.Text(user, "updated_at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at.ToUnixTimeSeconds()
                : 0,
            Email = email,
            EmailVerified = verified,
            Raw = user,
        };
        return new OidcCallbackResult(claims, tokens);
    }

    private async Task<(string? Email, bool Verified)> PrimaryEmailAsync(string accessToken, CancellationToken ct)
    {
        var emails = await ProviderApi.SendAsync(http, Get("/user/emails", accessToken), "the GitHub user's email addresses", ct) as JsonArray
            ?? throw new OidcProviderException("Unable to fetch the GitHub user's email addresses: the answer is not a JSON array.");

        // The primary address is taken whether or not GitHub verified it; its flag says which (Kratos's rule).
        foreach (var entry in emails.OfType<JsonObject>())
        {
            if (ProviderApi.Flag(entry, "primary"))
            {
                return (ProviderApi.Text(entry, "email"), ProviderApi.Flag(entry, "verified"));
            }
        }

        return (null, false);
    }

    private HttpRequestMessage Get(string path, string accessToken)
    {
        var request = ProviderApi.Get(urls.Api + path, accessToken, "application/vnd.github+json");
        request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
        return request;
    }
}
