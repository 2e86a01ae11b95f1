using Custos.Config;

namespace Custos.SelfService.Strategies.Oidc;

/// <summary>
/// One configured upstream provider (<c>selfservice.methods.oidc.config.providers[i]</c>) of one kind (<c>generic</c>,
/// <c>google</c>, <c>github</c>, ...): where to send the person, and how to turn the callback's code into claims.
/// Kratos's <c>OAuth2Provider</c>. Failures the person or the provider caused throw <see cref="OidcProviderException"/>.
/// </summary>
internal interface IOidcProvider
{
    /// <summary>The provider's configuration entry.</summary>
    OidcProviderOptions Config { get; }

    /// <summary>
    /// Whether this provider's authorization requests carry PKCE (<c>pkce</c>: <c>force</c>, <c>never</c>, or
    /// <c>auto</c> = the discovery document advertises <c>S256</c>).
    /// </summary>
    Task<bool> UsesPkceAsync(CancellationToken ct);

    /// <summary>The absolute URL of the provider's authorization endpoint with every query parameter of <paramref name="request"/>.</summary>
    Task<string> AuthorizationUrlAsync(OidcAuthorizationRequest request, CancellationToken ct);

    /// <summary>Exchanges the callback's code at the token endpoint and reads the person's claims (validated: <c>iss</c> and <c>sub</c> set).</summary>
    Task<OidcCallbackResult> CompleteAsync(OidcCallbackRequest request, CancellationToken ct);
}
