using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Custos.IntegrationTests.Oidc.Providers;

internal sealed partial class FakeIdp
{
    private async Task HandleAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "";
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ctx.Request.HasFormContentType)
        {
            foreach (var (key, value) in await ctx.Request.ReadFormAsync())
            {
                form[key] = value.ToString();
            }
        }

        Requests.Enqueue(new Received(ctx.Request.Method, path, ctx.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, form));
        if (path.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal))
        {
            await Discovery(ctx, path);
        }
        else if (path == "/jwks")
        {
            await Json(ctx, 200, Jwks());
        }
        else if (ctx.Request.Method == "POST" && path.EndsWith("/token", StringComparison.Ordinal))
        {
            await Token(ctx, form);
        }
        else if (path.EndsWith("/userinfo", StringComparison.Ordinal))
        {
            await Bearer(ctx, UserInfo);
        }
        else if (path == "/v1.0/me")
        {
            await Bearer(ctx, GraphMe);
        }
        else
        {
            ctx.Response.StatusCode = 404;
        }
    }

    private async Task Discovery(HttpContext ctx, string path)
    {
        if (DiscoveryBody is { } body)
        {
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(body);
            return;
        }

        var prefix = Url + path[..path.IndexOf("/.well-known/", StringComparison.Ordinal)];
        var doc = new JsonObject
        {
            ["issuer"] = IssuerForPath?.Invoke(path) ?? Issuer,
            ["authorization_endpoint"] = prefix + "/authorize",
            ["token_endpoint"] = prefix + "/token",
            ["userinfo_endpoint"] = prefix + "/userinfo",
            ["jwks_uri"] = Url + "/jwks",
            ["response_types_supported"] = new JsonArray("code"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256", "ES256"),
        };
        if (CodeChallengeMethods is { } methods)
        {
            doc["code_challenge_methods_supported"] = new JsonArray([.. methods.Select(m => (JsonNode)m)]);
        }

        await Json(ctx, 200, doc);
    }

    private JsonObject Jwks()
    {
        var rsa = Rsa.ExportParameters(false);
        var ec = Ec.ExportParameters(false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(
                new JsonObject
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = RsaKid,
                    ["n"] = Base64UrlEncoder.Encode(rsa.Modulus!), ["e"] = Base64UrlEncoder.Encode(rsa.Exponent!),
                },
                new JsonObject
                {
                    ["kty"] = "EC", ["use"] = "sig", ["alg"] = "ES256", ["kid"] = EcKid, ["crv"] = "P-256",
                    ["x"] = Base64UrlEncoder.Encode(ec.Q.X!), ["y"] = Base64UrlEncoder.Encode(ec.Q.Y!),
                }),
        };
    }

    private async Task Token(HttpContext ctx, Dictionary<string, string> form)
    {
        if (form.GetValueOrDefault("grant_type") != "authorization_code")
        {
            await Json(ctx, 400, new JsonObject { ["error"] = "unsupported_grant_type" });
            return;
        }

        if (!await ClientAuthenticatesAsync(ctx, form))
        {
            await Json(ctx, 401, new JsonObject { ["error"] = "invalid_client" });
            return;
        }

        if (!Codes.TryRemove(form.GetValueOrDefault("code") ?? "", out var grant))
        {
            await Json(ctx, 400, new JsonObject { ["error"] = "invalid_grant", ["error_description"] = "grant request is invalid" });
            return;
        }

        if (grant.CodeChallenge is { } challenge && Challenge(form.GetValueOrDefault("code_verifier") ?? "") != challenge)
        {
            await Json(ctx, 400, new JsonObject { ["error"] = "invalid_grant", ["error_description"] = "PKCE verification failed" });
            return;
        }

        await Json(ctx, 200, (JsonObject)grant.Answer.DeepClone());
    }

    private async Task<bool> ClientAuthenticatesAsync(HttpContext ctx, Dictionary<string, string> form)
    {
        if (AppleClient is { } apple)
        {
            return await AppleSecretIsValidAsync(form.GetValueOrDefault("client_secret"), form.GetValueOrDefault("client_id"), apple);
        }

        if (ClientSecret is null)
        {
            return true;
        }

        var header = ctx.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])).Split(':', 2);
            return pair.Length == 2 && Uri.UnescapeDataString(pair[1]) == ClientSecret;
        }

        return form.GetValueOrDefault("client_secret") == ClientSecret;
    }

    /// <summary>Apple's check of the client secret: ES256 by the registered key, its kid, team, client and audience, at most 6 months.</summary>
    private static async Task<bool> AppleSecretIsValidAsync(string? secret, string? clientId, (ECDsa Key, string TeamId, string KeyId) apple)
    {
        if (secret is null || clientId is null)
        {
            return false;
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(secret, new TokenValidationParameters
        {
            IssuerSigningKey = new ECDsaSecurityKey(ECDsa.Create(apple.Key.ExportParameters(false))),
            ValidAlgorithms = ["ES256"],
            ValidIssuer = apple.TeamId,
            ValidAudience = "https://appleid.apple.com",
            RequireExpirationTime = true,
        });
        return result.IsValid
            && result.SecurityToken is JsonWebToken token
            && token.Kid == apple.KeyId
            && token.Subject == clientId
            && token.ValidTo - token.IssuedAt <= TimeSpan.FromDays(180);
    }

    private async Task Bearer(HttpContext ctx, JsonObject answer)
    {
        if (ctx.Request.Headers.Authorization.ToString() != "Bearer " + AccessToken)
        {
            await Json(ctx, 401, new JsonObject { ["error"] = "invalid_token" });
            return;
        }

        await Json(ctx, 200, answer);
    }

    public static string Challenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static async Task Json(HttpContext ctx, int status, JsonObject body)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(body.ToJsonString());
    }
}
