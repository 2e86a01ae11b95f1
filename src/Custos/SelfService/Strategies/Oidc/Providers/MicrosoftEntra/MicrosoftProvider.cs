using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Custos.Config;
using Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Custos.SelfService.Strategies.Oidc.Providers.MicrosoftEntra;

/// <summary>
/// <c>provider: microsoft</c>: the Microsoft identity platform of <c>microsoft_tenant</c>. As in Kratos, the ID token is
/// verified against the issuer of the tenant it names (<c>tid</c>, which must be a UUID), so a multi-tenant app
/// (<c>common</c>, <c>organizations</c>, <c>consumers</c>) accepts people from any tenant; a tenant configured by id
/// accepts only its own. <c>subject_source</c> <c>me</c> takes the subject from Graph's <c>/v1.0/me</c>, <c>oid</c>
/// from the token's object id.
/// </summary>
internal sealed class MicrosoftProvider(
    OidcProviderOptions config, OpenIdConnectClients clients, MicrosoftUrls urls, ILogger logger) : IOidcProvider
{
    private readonly ConcurrentDictionary<Guid, OpenIdConnectClient> _tenants = new();
    private readonly OpenIdConnectClient? _issuer = string.IsNullOrEmpty(config.IssuerUrl) ? null : clients.ForIssuer(config, config.IssuerUrl);

    public OidcProviderOptions Config => config;

    // Kratos discovers PKCE support at issuer_url, which a microsoft provider rarely sets.
    public Task<bool> UsesPkceAsync(CancellationToken ct) => PkceDecision.UsesPkceAsync(config, _issuer, logger, ct);

    public Task<string> AuthorizationUrlAsync(OidcAuthorizationRequest request, CancellationToken ct) =>
        Task.FromResult(AuthorizationUrl.Build(
            Endpoint("authorize"), config, request, AuthorizationUrl.WithOpenId(config.Scope), AuthorizationUrl.GenericParameters(config, request)));

    public async Task<OidcCallbackResult> CompleteAsync(OidcCallbackRequest request, CancellationToken ct)
    {
        var (tokens, _) = await OAuth2TokenEndpoint.ExchangeAsync(clients.Http, Endpoint("token"), config, request, null, ct);
        if (tokens.IdToken.Length == 0)
        {
            throw new OidcProviderException(
                "Authentication failed because no id_token was returned. Please accept the \"openid\" permission and try again.", 400);
        }

        var tenant = TenantOf(tokens.IdToken);
        var client = _tenants.GetOrAdd(tenant, t => clients.ForDocument(
            config, $"{urls.Login.TrimEnd('/')}/{t:D}/v2.0/.well-known/openid-configuration", $"{MicrosoftUrls.IssuerHost}/{t:D}/v2.0"));
        var payload = await client.VerifyAsync(tokens.IdToken, ct);
        var subject = config.SubjectSource switch
        {
            "me" => await GraphIdAsync(tokens.AccessToken, ct),
            "oid" => payload["oid"] is JsonValue v && v.TryGetValue<string>(out var oid) ? oid : "",
            _ => null,
        };
        var claims = ClaimsReader.Read(payload, subject: subject);
        return new OidcCallbackResult(ClaimsValidation.Validated(claims), tokens);
    }

    private string Endpoint(string name)
    {
        if (string.IsNullOrWhiteSpace(config.MicrosoftTenant))
        {
            throw new OidcProviderException($"No Tenant specified for the `microsoft` oidc provider {config.Id}", 500);
        }

        return $"{urls.Login.TrimEnd('/')}/{config.MicrosoftTenant}/oauth2/v2.0/{name}";
    }

    private Guid TenantOf(string idToken)
    {
        string? tid;
        try
        {
            tid = new JsonWebToken(idToken).TryGetPayloadValue<string>("tid", out var t) ? t : null;
        }
        catch (ArgumentException)
        {
            throw new OidcProviderException("oidc: malformed jwt", 400);
        }

        if (!Guid.TryParse(tid, out var tenant))
        {
            throw new OidcProviderException("TenantID claim is not a valid UUID", 400);
        }

        // A single-tenant app configured by its id takes no tokens of other tenants (Kratos accepts any tenant here; its
        // token endpoint would not issue one, so this only closes a door).
        if (Guid.TryParse(config.MicrosoftTenant, out var configured) && configured != tenant)
        {
            throw new OidcProviderException("oidc: id token issued by a different tenant than microsoft_tenant", 400);
        }

        return tenant;
    }

    private async Task<string> GraphIdAsync(string accessToken, CancellationToken ct)
    {
        var me = await UpstreamJson.GetAsync(clients.Http, urls.Graph.TrimEnd('/') + "/v1.0/me", "Microsoft Graph profile (/v1.0/me)", accessToken, ct);
        return me["id"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : "";
    }
}
