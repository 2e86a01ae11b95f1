using System.Text.Json.Nodes;

namespace Custos.IntegrationTests.Oidc.OAuth2;

/// <summary>
/// Discord's side on a <see cref="FakeUpstream"/>: <c>POST /api/oauth2/token</c> (client credentials, code, redirect
/// URI and PKCE verifier checked; errors as RFC 6749 JSON with 400) and <c>GET /api/users/@me</c> (Bearer token).
/// </summary>
internal sealed class DiscordFake
{
    public const string AccessToken = "6qrZcUqja7812RVdnEKjpzOL4CvHBFG";

    public DiscordFake(FakeUpstream fake, string clientId, string clientSecret, string redirectUri)
    {
        fake.Map("POST", "/api/oauth2/token", seen =>
        {
            if (seen.Basic() != (clientId, clientSecret) || seen.Form.GetValueOrDefault("code") != "the-code"
                || seen.Form.GetValueOrDefault("redirect_uri") != redirectUri || seen.Form.GetValueOrDefault("code_verifier") != Verifier)
            {
                return new(400, """{"error":"invalid_grant","error_description":"Invalid \"code\" in request."}""");
            }

            return new(200, new JsonObject
            {
                ["access_token"] = AccessToken,
                ["token_type"] = "Bearer",
                ["expires_in"] = 604800,
                ["refresh_token"] = "D43f5y0ahjqew82jZ4NViEr2YafMKhue",
                ["scope"] = GrantedScope,
            }.ToJsonString());
        });
        fake.Map("GET", "/api/users/@me", seen => seen.Header("Authorization") == "Bearer " + AccessToken
            ? new(MeStatus, Me.ToJsonString())
            : new(401, """{"message":"401: Unauthorized","code":0}"""));
    }

    /// <summary>The PKCE verifier the token endpoint expects (null: none).</summary>
    public string? Verifier { get; set; }

    /// <summary>The token answer's <c>scope</c> (space-separated).</summary>
    public string GrantedScope { get; set; } = "identify email";

    public int MeStatus { get; set; } = 200;

    public JsonNode Me { get; set; } = JsonNode.Parse("""
        {"id":"80351110224678912","username":"nelly","discriminator":"1337","global_name":"Nelly",
         "avatar":"8342729096ea3675442027381ff50dfe","bot":false,"mfa_enabled":true,"banner":null,"accent_color":null,
         "locale":"en-US","verified":true,"email":"nelly@discord.com","flags":64,"premium_type":1,"public_flags":64}
        """)!;
}
