using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Custos.IntegrationTests.Oidc.OAuth2;

/// <summary>
/// GitHub's side on a <see cref="FakeUpstream"/>: the token endpoint (checks client credentials, code and redirect URI;
/// answers JSON when asked with <c>Accept: application/json</c>, form-encoded otherwise, and errors with a 200 as GitHub
/// does), <c>GET /user</c> and <c>GET /user/emails</c> (Bearer token required).
/// </summary>
internal sealed class GitHubFake
{
    public const string AccessToken = "gho_16C7e42F292c6912E7710c838347Ae178B4a";

    public GitHubFake(FakeUpstream fake, string clientId, string clientSecret, string redirectUri)
    {
        fake.Map("POST", "/login/oauth/access_token", seen =>
        {
            if (seen.Basic() != (clientId, clientSecret) || seen.Form.GetValueOrDefault("code") != "the-code"
                || seen.Form.GetValueOrDefault("redirect_uri") != redirectUri)
            {
                return new(200, """{"error":"bad_verification_code","error_description":"The code passed is incorrect or expired."}""");
            }

            var answer = new Dictionary<string, string?> { ["access_token"] = AccessToken, ["token_type"] = "bearer", ["scope"] = GrantedScope };
            return seen.Header("Accept")?.Contains("application/json", StringComparison.Ordinal) == true && !FormAnswer
                ? new(200, new JsonObject { ["access_token"] = AccessToken, ["token_type"] = "bearer", ["scope"] = GrantedScope }.ToJsonString())
                : new(200, QueryString.Create(answer).ToString().TrimStart('?'), "application/x-www-form-urlencoded; charset=utf-8");
        });
        fake.Map("GET", "/api/user", seen => Authorized(seen) ? new(UserStatus, User.ToJsonString()) : Unauthorized);
        fake.Map("GET", "/api/user/emails", seen => Authorized(seen) ? new(200, Emails.ToJsonString()) : Unauthorized);
    }

    /// <summary>The token answer's <c>scope</c> (comma-separated, as GitHub writes it).</summary>
    public string GrantedScope { get; set; } = "read:user,user:email";

    /// <summary>Answer form-encoded even when JSON was asked for (what an <c>Accept</c>-less client gets).</summary>
    public bool FormAnswer { get; set; }

    public int UserStatus { get; set; } = 200;

    public JsonNode User { get; set; } = JsonNode.Parse("""
        {"login":"octocat","id":583231,"node_id":"MDQ6VXNlcjU4MzIzMQ==","avatar_url":"https://avatars.githubusercontent.com/u/583231?v=4",
         "html_url":"https://github.com/octocat","type":"User","site_admin":false,"name":"The Octocat","company":"@github",
         "blog":"https://github.blog","location":"San Francisco","email":"octocat@github.com","bio":null,
         "created_at":"2011-01-25T18:44:36Z","updated_at":"2023-09-22T11:25:21Z"}
        """)!;

    public JsonNode Emails { get; set; } = JsonNode.Parse("""
        [{"email":"octo-old@example.com","primary":false,"verified":true,"visibility":null},
         {"email":"octocat@example.com","primary":true,"verified":true,"visibility":"private"}]
        """)!;

    private static FakeUpstream.Reply Unauthorized => new(401, """{"message":"Requires authentication","documentation_url":"https://docs.github.com/rest"}""");

    private static bool Authorized(FakeUpstream.Seen seen) => seen.Header("Authorization") == "Bearer " + AccessToken;
}
