namespace Custos.SelfService.Strategies.Oidc.Providers.UserInfo;

/// <summary>The three endpoints of a <see cref="UserInfoProvider"/>.</summary>
internal sealed record UserInfoEndpoints(string Authorize, string Token, string UserInfo)
{
    /// <summary>The endpoints at these paths below <paramref name="baseUrl"/> (Go's <c>path.Join</c>: one slash between).</summary>
    public static UserInfoEndpoints Below(string baseUrl, string authorize, string token, string userInfo)
    {
        var root = baseUrl.TrimEnd('/');
        return new(root + authorize, root + token, root + userInfo);
    }
}
