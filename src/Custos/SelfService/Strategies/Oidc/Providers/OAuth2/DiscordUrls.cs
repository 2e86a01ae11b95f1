namespace Custos.SelfService.Strategies.Oidc.Providers.OAuth2;

/// <summary>Discord's fixed endpoints (discordgo's API v9, as Kratos uses them). Tests replace the singleton.</summary>
/// <param name="Authorize">The authorization endpoint.</param>
/// <param name="Token">The token endpoint.</param>
/// <param name="Me">The current user (<c>GET /users/@me</c>).</param>
internal sealed record DiscordUrls(string Authorize, string Token, string Me)
{
    /// <summary>discord.com.</summary>
    public static readonly DiscordUrls Default = new(
        "https://discord.com/api/v9/oauth2/authorize",
        "https://discord.com/api/v9/oauth2/token",
        "https://discord.com/api/v9/users/@me");
}
