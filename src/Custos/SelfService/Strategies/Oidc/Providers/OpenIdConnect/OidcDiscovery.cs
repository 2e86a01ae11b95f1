namespace Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;

/// <summary>
/// One provider's discovery document, fetched on first use and kept. A failed fetch is not kept (the next sign-in
/// tries again), and <see cref="Invalidate"/> drops a kept document after an endpoint it named failed, so a provider
/// that moved its endpoints is picked up without a restart.
/// </summary>
internal sealed class OidcDiscovery(HttpClient http, string documentUrl, string expectedIssuer)
{
    private readonly Lock _lock = new();
    private Task<OidcDiscoveryDocument>? _document;

    /// <summary><c>{issuer}/.well-known/openid-configuration</c>, as go-oidc derives it (a trailing slash is dropped first).</summary>
    public static string UrlFor(string issuer) => issuer.TrimEnd('/') + "/.well-known/openid-configuration";

    /// <summary>The issuer the document must name.</summary>
    public string ExpectedIssuer => expectedIssuer;

    /// <summary>The document; throws <see cref="OidcProviderException"/> when it cannot be fetched or names another issuer.</summary>
    public Task<OidcDiscoveryDocument> GetAsync(CancellationToken ct)
    {
        lock (_lock)
        {
            if (_document is null || _document.IsFaulted || _document.IsCanceled)
            {
                _document = FetchAsync(ct);
            }

            return _document;
        }
    }

    /// <summary>Forgets the kept document.</summary>
    public void Invalidate()
    {
        lock (_lock)
        {
            _document = null;
        }
    }

    private async Task<OidcDiscoveryDocument> FetchAsync(CancellationToken ct)
    {
        var json = await UpstreamJson.GetAsync(http, documentUrl, "OpenID Connect discovery document", null, ct);
        var document = OidcDiscoveryDocument.From(json)
            ?? throw new OidcProviderException(
                "Unable to initialize OpenID Connect Provider: the discovery document lacks issuer, authorization_endpoint, token_endpoint or jwks_uri.");

        // go-oidc refuses a document whose issuer differs from the configured one (OpenID Connect Discovery §4.3):
        // a document served for one issuer must not vouch for tokens of another.
        if (!string.Equals(document.Issuer, expectedIssuer, StringComparison.Ordinal))
        {
            throw new OidcProviderException(
                $"Unable to initialize OpenID Connect Provider: issuer did not match the issuer returned by provider, expected \"{expectedIssuer}\" got \"{document.Issuer}\".");
        }

        return document;
    }
}
