using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Custos.IntegrationTests.Oidc.OAuth2;

/// <summary>
/// Facebook's side on a <see cref="FakeUpstream"/>: the Graph token endpoint (client credentials, code, redirect URI
/// checked; errors as Graph's <c>OAuthException</c>) and <c>GET /me</c>, which needs the Bearer token and the
/// <c>appsecret_proof</c> Facebook computes itself (hex HMAC-SHA256 of the token keyed with the app secret).
/// </summary>
internal sealed class FacebookFake
{
    public const string AccessToken = "EAAGm0PX4ZCpsBAKZAZBZBGs5YW0";

    public FacebookFake(FakeUpstream fake, string clientId, string clientSecret, string redirectUri)
    {
        var proof = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), Encoding.UTF8.GetBytes(AccessToken)));
        fake.Map("POST", "/oauth/access_token", seen =>
            seen.Basic() == (clientId, clientSecret) && seen.Form.GetValueOrDefault("code") == "the-code"
                && seen.Form.GetValueOrDefault("redirect_uri") == redirectUri
                ? new(200, $$"""{"access_token":"{{AccessToken}}","token_type":"bearer","expires_in":5183944}""")
                : new(400, """{"error":{"message":"This authorization code has been used.","type":"OAuthException","code":100,"fbtrace_id":"A1b2"}}"""));
        fake.Map("GET", "/me", seen =>
        {
            if (seen.Header("Authorization") != "Bearer " + AccessToken)
            {
                return new(400, """{"error":{"message":"An active access token must be used to query information about the current user.","type":"OAuthException","code":2500}}""");
            }

            return seen.Query.GetValueOrDefault("appsecret_proof") == proof
                ? new(MeStatus, Me.ToJsonString())
                : new(400, """{"error":{"message":"Invalid appsecret_proof provided in the API argument","type":"GraphMethodException","code":100}}""");
        });
    }

    public int MeStatus { get; set; } = 200;

    public JsonNode Me { get; set; } = JsonNode.Parse("""
        {"id":"10224046950121345","name":"Jane Q Doe","first_name":"Jane","last_name":"Doe","middle_name":"Q",
         "email":"jane@example.com","picture":{"data":{"height":50,"is_silhouette":false,
         "url":"https://platform-lookaside.fbsbx.com/platform/profilepic/?asid=10224046950121345","width":50}},
         "birthday":"08/31/1990","gender":"female"}
        """)!;
}
