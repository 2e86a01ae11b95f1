using System.Globalization;
using System.Text.Json.Nodes;
using Custos.Config;

namespace Custos.SelfService.Strategies.Oidc.Providers.OAuth2;

/// <summary>Sign in with Discord: an OAuth2 code flow, then the person from <c>GET /users/@me</c>.</summary>
internal sealed class DiscordProvider(OidcProviderOptions config, DiscordUrls urls, HttpClient http) : IOidcProvider
{
    /// <summary>Kratos's issuer for Discord claims: discordgo's OAuth2 base, whatever the endpoints are.</summary>
    public const string Issuer = "https://discord.com/api/v9/oauth2/";

    private const string Cdn = "https://cdn.discordapp.com/";

    public OidcProviderOptions Config => config;

    // Kratos's `auto` discovers PKCE support at issuer_url; Discord has no discovery document, so only `force` uses it.
    public Task<bool> UsesPkceAsync(CancellationToken ct) => Task.FromResult(config.Pkce == "force");

    // Kratos sends `prompt=none` (skip Discord's consent page when the app was authorised before) and `prompt=consent`
    // on a refresh; an upstream `prompt` still overrides either.
    public Task<string> AuthorizationUrlAsync(OidcAuthorizationRequest request, CancellationToken ct) =>
        Task.FromResult(OAuth2AuthorizationUrl.Build(
            urls.Authorize, config, config.Scope, request, [new("prompt", request.ForceLogin ? "consent" : "none")]));

    public async Task<OidcCallbackResult> CompleteAsync(OidcCallbackRequest request, CancellationToken ct)
    {
        var (tokens, answer) = await OAuth2TokenEndpoint.ExchangeAsync(http, urls.Token, config, request, null, ct);
        GrantedScopes.RequireAll(config.Scope, GrantedScopes.Of(answer, ' '));

        var user = await ProviderApi.SendAsync(http, ProviderApi.Get(urls.Me, tokens.AccessToken), "the Discord user", ct) as JsonObject
            ?? throw new OidcProviderException("Unable to fetch the Discord user: the answer is not a JSON object.");
        var id = ProviderApi.Text(user, "id");
        if (string.IsNullOrEmpty(id))
        {
            throw new OidcProviderException("The Discord user has no id: provider did not return a subject.");
        }

        var username = ProviderApi.Text(user, "username") ?? "";
        var discriminator = ProviderApi.Text(user, "discriminator") ?? "";
        var claims = new OidcClaims
        {
            Issuer = Issuer,
            Subject = id,
            // Kratos keeps the legacy `name#discriminator` form, also for new-style usernames (`#0`).
            Name = username + "#" + discriminator,
            Nickname = username,
            PreferredUsername = username,
            Picture = AvatarUrl(id, ProviderApi.Text(user, "avatar"), discriminator),
            Email = ProviderApi.Text(user, "email"),
            EmailVerified = ProviderApi.Flag(user, "verified"),
            Locale = ProviderApi.Text(user, "locale"),
            Raw = user,
        };
        return new OidcCallbackResult(claims, tokens);
    }

    /// <summary>The avatar as discordgo builds it: the custom one (<c>.gif</c> when animated), else the default by index.</summary>
    private static string AvatarUrl(string id, string? avatar, string discriminator)
    {
        if (!string.IsNullOrEmpty(avatar))
        {
            return Cdn + "avatars/" + id + "/" + avatar + (avatar.StartsWith("a_", StringComparison.Ordinal) ? ".gif" : ".png");
        }

        // New-style usernames (discriminator "0") pick the default avatar from the snowflake, legacy ones from the tag.
        var index = discriminator == "0"
            ? (int)(((ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var snowflake) ? snowflake : 0) >> 22) % 6)
            : (int.TryParse(discriminator, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var tag) ? tag : 0) % 5;
        return Cdn + "embed/avatars/" + index.ToString(CultureInfo.InvariantCulture) + ".png";
    }
}
