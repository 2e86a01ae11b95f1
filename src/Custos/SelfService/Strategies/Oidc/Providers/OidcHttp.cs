using Custos.SelfService.Hooks.WebHooks;

namespace Custos.SelfService.Strategies.Oidc.Providers;

/// <summary>
/// The HTTP client of every upstream call of social sign-in (discovery, JWKS, token, userinfo, provider APIs, remote
/// mappers): the same SSRF guard as web hooks (<c>clients.http.disallow_private_ip_ranges</c>, strategies contract §10),
/// no redirects followed, 10 s per request.
/// </summary>
internal sealed class OidcHttp(WebHookHttpHandler handler)
{
    /// <summary>The longest an upstream call may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>A client on the guarded handler (the handler is shared and outlives the client).</summary>
    public HttpClient Client { get; } = new(handler, disposeHandler: false) { Timeout = Timeout };
}
