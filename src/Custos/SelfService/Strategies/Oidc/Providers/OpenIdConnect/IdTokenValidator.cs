using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;

/// <summary>
/// Verifies an ID token as go-oidc's verifier does (OpenID Connect Core §3.1.3.7): a signature by one of the provider's
/// keys with an allowed algorithm, <c>iss</c> equal to the expected issuer, <c>aud</c> holding an accepted audience,
/// an <c>exp</c> in the future (no leeway) and an <c>nbf</c>, if present, no more than 5 minutes ahead. Failures throw
/// <see cref="OidcProviderException"/> with go-oidc's reason and status 400, as Kratos answers them.
/// </summary>
internal sealed class IdTokenValidator(TimeProvider time)
{
    /// <summary>The algorithms go-oidc verifies.</summary>
    public static readonly IReadOnlyList<string> Supported =
        ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512"];

    /// <summary>go-oidc's allowance for an <c>nbf</c> ahead of the local clock.</summary>
    private static readonly TimeSpan NotBeforeLeeway = TimeSpan.FromMinutes(5);

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>The algorithms to accept given a discovery document's list: the supported ones it names, else RS256 (go-oidc's default).</summary>
    public static IReadOnlyList<string> Algorithms(IReadOnlyList<string> advertised)
    {
        var both = advertised.Where(Supported.Contains).ToList();
        return both.Count > 0 ? both : ["RS256"];
    }

    /// <summary>The verified token's payload, unmodified.</summary>
    /// <param name="raw">The compact JWT.</param>
    /// <param name="issuers">Accepted <c>iss</c> values (one, except Google's scheme-less alias).</param>
    /// <param name="audiences">Accepted <c>aud</c> values.</param>
    /// <param name="algorithms">Accepted <c>alg</c> values.</param>
    /// <param name="keys">The provider's keys for a <c>kid</c> (null when the token names none).</param>
    /// <param name="status">The status of a verification failure.</param>
    /// <param name="ct">Cancels the key fetch.</param>
    public async Task<JsonObject> ValidateAsync(
        string raw,
        IReadOnlyCollection<string> issuers,
        IReadOnlyCollection<string> audiences,
        IReadOnlyCollection<string> algorithms,
        Func<string?, CancellationToken, Task<IReadOnlyList<SecurityKey>>> keys,
        int status,
        CancellationToken ct)
    {
        JsonWebToken token;
        try
        {
            token = new JsonWebToken(raw);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenException)
        {
            throw Fail("oidc: malformed jwt", status);
        }

        if (!algorithms.Contains(token.Alg))
        {
            throw Fail($"oidc: id token signed with unsupported algorithm, expected [{string.Join(' ', algorithms)}] got \"{token.Alg}\"", status);
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidAudiences = audiences,
            ValidAlgorithms = algorithms,
            IssuerSigningKeys = await keys(string.IsNullOrEmpty(token.Kid) ? null : token.Kid, ct),
            // As go-oidc: a token naming a kid is checked only against keys with that kid; one naming none against all.
            TryAllIssuerSigningKeys = string.IsNullOrEmpty(token.Kid),
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
        };
        var result = await _handler.ValidateTokenAsync(raw, parameters);
        if (!result.IsValid)
        {
            throw Fail(Reason(result.Exception, token, issuers, audiences), status);
        }

        CheckLifetime(token, status);
        return Payload(token, status);
    }

    private void CheckLifetime(JsonWebToken token, int status)
    {
        var now = time.GetUtcNow();
        if (!token.TryGetPayloadValue<long>("exp", out var exp) || DateTimeOffset.FromUnixTimeSeconds(exp) < now)
        {
            throw Fail("oidc: token is expired", status);
        }

        if (token.TryGetPayloadValue<long>("nbf", out var nbf) && DateTimeOffset.FromUnixTimeSeconds(nbf) > now + NotBeforeLeeway)
        {
            throw Fail("oidc: current time before the nbf (not before) time", status);
        }
    }

    private static JsonObject Payload(JsonWebToken token, int status)
    {
        try
        {
            return JsonNode.Parse(Base64UrlEncoder.DecodeBytes(token.EncodedPayload)) as JsonObject
                ?? throw Fail("oidc: malformed jwt payload", status);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw Fail("oidc: malformed jwt payload", status);
        }
    }

    private static string Reason(Exception? e, JsonWebToken token, IReadOnlyCollection<string> issuers, IReadOnlyCollection<string> audiences) => e switch
    {
        SecurityTokenInvalidIssuerException =>
            $"oidc: id token issued by a different provider, expected \"{issuers.First()}\" got \"{Claim(token, "iss")}\"",
        SecurityTokenInvalidAudienceException =>
            $"oidc: expected audience \"{string.Join(' ', audiences)}\" got [{string.Join(' ', token.Audiences)}]",
        SecurityTokenInvalidAlgorithmException => $"oidc: id token signed with unsupported algorithm \"{token.Alg}\"",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException =>
            "failed to verify signature: failed to verify id token signature",
        _ => "oidc: the id token could not be verified",
    };

    private static string Claim(JsonWebToken token, string name) =>
        token.TryGetPayloadValue<string>(name, out var value) ? value : "";

    private static OidcProviderException Fail(string reason, int status) => new(reason, status);
}
