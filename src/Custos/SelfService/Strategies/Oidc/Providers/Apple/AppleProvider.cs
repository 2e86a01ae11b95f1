using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.Config;
using Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;
using Microsoft.Extensions.Logging;

namespace Custos.SelfService.Strategies.Oidc.Providers.Apple;

/// <summary>
/// <c>provider: apple</c> (Sign in with Apple): fixed endpoints, a client secret JWT made from the developer key,
/// <c>response_mode=form_post</c> when the <c>email</c> or <c>name</c> scope is asked for (Apple requires it), claims
/// from the ID token plus the name Apple posts once, on the first sign-in, in the <c>user</c> form value. Verifies
/// <c>id_token</c>s from Apple's native SDKs.
/// </summary>
internal sealed class AppleProvider(
    OidcProviderOptions config, OpenIdConnectClient client, NativeIdTokens native, AppleUrls urls, HttpClient http, TimeProvider time, ILogger logger)
    : IOidcProvider, IOidcIdTokenVerifier
{
    public OidcProviderOptions Config => config;

    public Task<bool> UsesPkceAsync(CancellationToken ct) => PkceDecision.UsesPkceAsync(config, client, logger, ct);

    public Task<string> AuthorizationUrlAsync(OidcAuthorizationRequest request, CancellationToken ct)
    {
        var parameters = AuthorizationUrl.GenericParameters(config, request);
        if (config.Scope.Any(s => s is "email" or "name"))
        {
            parameters.Add(new("response_mode", "form_post"));
        }

        return Task.FromResult(AuthorizationUrl.Build(urls.Authorize, config, request, AuthorizationUrl.WithOpenId(config.Scope), parameters));
    }

    public async Task<OidcCallbackResult> CompleteAsync(OidcCallbackRequest request, CancellationToken ct)
    {
        var secret = AppleClientSecret.Create(config, time.GetUtcNow());
        var tokens = await AppleTokenEndpoint.ExchangeAsync(http, urls.Token, config, secret, request, ct);
        var claims = await client.ClaimsAsync(tokens, NameFromUser(request.Query), ct);
        return new OidcCallbackResult(ClaimsValidation.Validated(claims), tokens);
    }

    public Task<OidcClaims> VerifyIdTokenAsync(string idToken, CancellationToken ct) => native.VerifyAsync(idToken, ct);

    // Apple marks devices that can pass a nonce with nonce_supported; only tokens from others may come without one.
    public bool CanSkipNonce(OidcClaims claims) => !claims.NonceSupported;

    /// <summary>
    /// The name in Apple's <c>user</c> value (<c>{"name":{"firstName","lastName"}}</c>). Nothing signs it, so, as in
    /// Kratos, it only fills names the ID token lacks (Apple's tokens carry none).
    /// </summary>
    private static Dictionary<string, string>? NameFromUser(IReadOnlyDictionary<string, string> query)
    {
        if (!query.TryGetValue("user", out var user) || user.Length == 0)
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(user)?["name"] is not JsonObject name)
            {
                return null;
            }

            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            if (name["firstName"] is JsonValue first && first.TryGetValue<string>(out var given))
            {
                names["given_name"] = given;
            }

            if (name["lastName"] is JsonValue last && last.TryGetValue<string>(out var family))
            {
                names["family_name"] = family;
                names["last_name"] = family;
            }

            return names;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
