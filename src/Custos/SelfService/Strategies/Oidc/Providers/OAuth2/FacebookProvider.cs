using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.Config;

namespace Custos.SelfService.Strategies.Oidc.Providers.OAuth2;

/// <summary>
/// Sign in with Facebook: the login dialog and the Graph API's code exchange, then the person from Graph's
/// <c>/me</c> with an <c>appsecret_proof</c>. Kratos builds it on its generic OIDC provider but reads no id_token.
/// </summary>
internal sealed class FacebookProvider(OidcProviderOptions config, FacebookUrls urls, HttpClient http) : IOidcProvider
{
    /// <summary>The fields Kratos asks Graph's <c>/me</c> for.</summary>
    public const string Fields = "id,name,first_name,last_name,middle_name,email,picture,birthday,gender";

    /// <summary>
    /// The claims' issuer: Kratos's <c>/me</c> URL. Kratos also leaves the request's <c>appsecret_proof</c> in it, so
    /// its issuer changes with every token; Custos keeps it without (docs/differences.md).
    /// </summary>
    public const string Issuer = "https://graph.facebook.com/me?fields=" + Fields;

    public OidcProviderOptions Config => config;

    // Kratos's `auto` reads code_challenge_methods_supported from Facebook's discovery document; Custos reads no
    // discovery for Facebook, so only `force` uses PKCE (docs/differences.md).
    public Task<bool> UsesPkceAsync(CancellationToken ct) => Task.FromResult(config.Pkce == "force");

    // As Kratos's generic provider: `openid` added to the scopes, `prompt=login` on a refresh, `claims` when configured.
    public Task<string> AuthorizationUrlAsync(OidcAuthorizationRequest request, CancellationToken ct)
    {
        var scopes = config.Scope.Contains("openid", StringComparer.Ordinal) ? config.Scope : [.. config.Scope, "openid"];
        var parameters = new List<KeyValuePair<string, string>>();
        if (request.ForceLogin)
        {
            parameters.Add(new("prompt", "login"));
        }

        if (config.RequestedClaims is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } claims)
        {
            parameters.Add(new("claims", JsonSerializer.Serialize(claims)));
        }

        return Task.FromResult(OAuth2AuthorizationUrl.Build(urls.Authorize, config, scopes, request, parameters));
    }

    public async Task<OidcCallbackResult> CompleteAsync(OidcCallbackRequest request, CancellationToken ct)
    {
        var (tokens, _) = await OAuth2TokenEndpoint.ExchangeAsync(http, urls.Token, config, request, null, ct);
        var url = urls.Me + "?fields=" + Fields + "&appsecret_proof=" + AppSecretProof(tokens.AccessToken);
        var user = await ProviderApi.SendAsync(http, ProviderApi.Get(url, tokens.AccessToken), "the Facebook user", ct) as JsonObject
            ?? throw new OidcProviderException("Unable to fetch the Facebook user: the answer is not a JSON object.");
        var id = ProviderApi.Text(user, "id");
        if (string.IsNullOrEmpty(id))
        {
            throw new OidcProviderException("The Facebook user has no id: provider did not return a subject.");
        }

        var name = ProviderApi.Text(user, "name");
        var email = ProviderApi.Text(user, "email");
        var claims = new OidcClaims
        {
            Issuer = Issuer,
            Subject = id,
            Name = name,
            GivenName = ProviderApi.Text(user, "first_name"),
            FamilyName = ProviderApi.Text(user, "last_name"),
            MiddleName = ProviderApi.Text(user, "middle_name"),
            Nickname = name,
            PreferredUsername = name,
            Picture = user["picture"]?["data"] is JsonObject data ? ProviderApi.Text(data, "url") : null,
            Email = email,
            // Kratos treats any address Graph returns as verified: Graph answers only the profile's primary address.
            EmailVerified = !string.IsNullOrEmpty(email),
            Gender = ProviderApi.Text(user, "gender"),
            Birthdate = ProviderApi.Text(user, "birthday"),
            Raw = user,
        };
        return new OidcCallbackResult(claims, tokens);
    }

    /// <summary>
    /// Graph's <c>appsecret_proof</c>: hex HMAC-SHA256 of the access token keyed with the app secret, which proves the
    /// call comes from the app's server (required when the app enables "Require App Secret").
    /// </summary>
    public string AppSecretProof(string accessToken) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(config.ClientSecret ?? ""), Encoding.UTF8.GetBytes(accessToken)));
}
