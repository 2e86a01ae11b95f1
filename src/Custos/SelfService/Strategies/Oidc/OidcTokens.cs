namespace Custos.SelfService.Strategies.Oidc;

/// <summary>The token endpoint's answer; an absent token is <c>""</c>.</summary>
internal sealed record OidcTokens(string IdToken, string AccessToken, string RefreshToken)
{
    /// <summary>No tokens (an <c>id_token</c> submitted by a native app: Kratos stores none).</summary>
    public static readonly OidcTokens None = new("", "", "");
}
