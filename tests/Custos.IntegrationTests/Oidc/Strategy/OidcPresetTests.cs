using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.SelfService.Strategies.Oidc.Providers.Apple;
using Custos.SelfService.Strategies.Oidc.Providers.Google;
using Custos.SelfService.Strategies.Oidc.Providers.MicrosoftEntra;

namespace Custos.IntegrationTests.Oidc.Strategy;

/// <summary>
/// The presets through the strategy and the real routes, on SQLite and PostgreSQL: Apple's <c>form_post</c> callback and
/// its <c>user</c> name, GitHub's <c>/user</c> + <c>/user/emails</c>, Microsoft with a tenant, and a native app's Google
/// <c>id_token</c> with its nonce (strategies contract §5.9).
/// </summary>
public abstract class OidcPresetTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : OidcStrategyApp
{
    private readonly OidcDance _dance = new(app);

    private static string Sub() => "sub-" + Guid.NewGuid().ToString("N");

    private static string Email() => $"{Guid.NewGuid():N}@example.com";

    private static string Identity(JsonObject session) => session["identity"]!["id"]!.GetValue<string>();

    [SkippableFact]
    public async Task Apple_FormPostCallback_IsRedirectedToAGet_ThatSignsInWithTheNameApplePosted()
    {
        var (sub, email) = (Sub(), Email());
        var client = new FlowClient(app, ClientKind.Browser);
        var started = await _dance.StartAsync(client, "registration", "apple");
        Assert.StartsWith(app.AppleIdp.Url + "/auth/authorize?", started.AuthorizeUrl);
        Assert.Equal("form_post", OidcDance.QueryValue(new Uri(started.AuthorizeUrl), "response_mode"));
        var code = OidcDance.QueryValue(new Uri("http://x" + _dance.Approve(started, _dance.Claims(sub, email, AppleUrls.Issuer), "apple")), "code");

        // Apple's page posts the answer cross-site.
        var post = new HttpRequestMessage(HttpMethod.Post, "/self-service/methods/oidc/callback/apple")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["code"] = code,
                ["state"] = started.State,
                ["user"] = $$"""{"name":{"firstName":"Jane","lastName":"Appleseed"},"email":"{{email}}"}""",
            }),
        };
        post.Headers.Add("Origin", "https://appleid.apple.com");
        var moved = await client.Http.SendAsync(post);

        Assert.Equal(HttpStatusCode.Found, moved.StatusCode);
        var target = moved.Headers.Location!;
        Assert.Equal("http://localhost:4433/self-service/methods/oidc/callback/apple", target.GetLeftPart(UriPartial.Path));
        Assert.Equal(code, OidcDance.QueryValue(target, "code"));
        Assert.Equal(started.State, OidcDance.QueryValue(target, "state"));
        var session = await OidcDance.SignedInAsync(client, await OidcDance.OpenAsync(client, target.PathAndQuery));
        Assert.Equal("Jane", session["identity"]!["traits"]!["name"]!["first"]!.GetValue<string>());
        Assert.Equal("Appleseed", session["identity"]!["traits"]!["name"]!["last"]!.GetValue<string>());
        Assert.Equal([$"apple:{sub}"], await _dance.IdentifiersAsync(Identity(session)));
    }

    [SkippableFact]
    public async Task GitHub_SignsInWithThePrimaryAddressFromUserEmails()
    {
        var client = new FlowClient(app, ClientKind.Browser);
        var started = await _dance.StartAsync(client, "login", "github");
        Assert.StartsWith(app.Upstream.BaseUrl + "/login/oauth/authorize?", started.AuthorizeUrl);

        var callback = await OidcDance.OpenAsync(client, OidcDance.CallbackUrl("github", new Dictionary<string, string?> { ["code"] = "the-code", ["state"] = started.State }));

        var session = await OidcDance.SignedInAsync(client, callback);
        Assert.Equal("octocat@example.com", session["identity"]!["traits"]!["email"]!.GetValue<string>());
        Assert.Equal(["github:583231"], await _dance.IdentifiersAsync(Identity(session)));
        Assert.Single(app.Upstream.To("/api/user/emails"));
    }

    [SkippableFact]
    public async Task Microsoft_WithATenant_SignsInWithTheTenantsToken()
    {
        var (sub, email) = (Sub(), Email());
        var client = new FlowClient(app, ClientKind.Api);
        var started = await _dance.StartAsync(client, "login", "microsoft");
        Assert.StartsWith($"{app.Idp.Url}/{OidcStrategyApp.Tenant}/oauth2/v2.0/authorize?", started.AuthorizeUrl);
        var claims = _dance.Claims(sub, email, $"{MicrosoftUrls.IssuerHost}/{OidcStrategyApp.Tenant}/v2.0");
        claims["tid"] = OidcStrategyApp.Tenant;
        claims["oid"] = "object-" + sub;

        var session = await OidcDance.SignedInAsync(client, await OidcDance.OpenAsync(client, _dance.Approve(started, claims, "microsoft")));

        Assert.Equal(email, session["identity"]!["traits"]!["email"]!.GetValue<string>());
        Assert.Equal([$"microsoft:{sub}"], await _dance.IdentifiersAsync(Identity(session)));
        Assert.Contains(app.Idp.Requests, r => r.Method == "POST" && r.Path == $"/{OidcStrategyApp.Tenant}/oauth2/v2.0/token");
    }

    private async Task<HttpResponseMessage> SubmitGoogleIdTokenAsync(FlowClient client, string sub, string? tokenNonce, string? submittedNonce)
    {
        var claims = _dance.Claims(sub, Email(), GoogleUrls.Issuer);
        if (tokenNonce is not null)
        {
            claims["nonce"] = tokenNonce;
        }

        var fields = new Dictionary<string, string> { ["method"] = "oidc", ["provider"] = "google", ["id_token"] = app.Idp.Sign(claims) };
        if (submittedNonce is not null)
        {
            fields["id_token_nonce"] = submittedNonce;
        }

        return await client.SubmitAsync(await client.InitAsync("login"), fields);
    }

    [SkippableTheory]
    [InlineData("nonce-1", "nonce-2", "The supplied nonce does not match the nonce from the id_token")]
    [InlineData("nonce-1", null, "No nonce was provided but is required by the provider")]
    public async Task Google_NativeIdToken_WithABadNonce_Is502(string tokenNonce, string? submitted, string reason)
    {
        var refused = await SubmitGoogleIdTokenAsync(new FlowClient(app, ClientKind.Api), Sub(), tokenNonce, submitted);

        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.Equal(reason, (await refused.JsonAsync())["error"]!["reason"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Google_NativeIdToken_WithItsNonce_SignsUpThenSignsIn()
    {
        var sub = Sub();
        var client = new FlowClient(app, ClientKind.Api);

        var first = await SubmitGoogleIdTokenAsync(client, sub, "nonce-1", "nonce-1");

        var body = await first.Content.ReadAsStringAsync();
        Assert.True(first.StatusCode == HttpStatusCode.OK, body);
        var session = JsonNode.Parse(body)!;
        Assert.StartsWith("ory_st_", session["session_token"]!.GetValue<string>());
        var id = session["session"]!["identity"]!["id"]!.GetValue<string>();
        Assert.Equal([$"google:{sub}"], await _dance.IdentifiersAsync(id));

        var again = await SubmitGoogleIdTokenAsync(new FlowClient(app, ClientKind.Api), sub, "nonce-3", "nonce-3");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (await again.JsonAsync())["session"]!["identity"]!["id"]!.GetValue<string>());
    }
}

public sealed class SqliteOidcPresetTests(OidcStrategyApp app) : OidcPresetTests<OidcStrategyApp>(app);

public sealed class PostgresOidcPresetTests(OidcStrategyPostgresApp app) : OidcPresetTests<OidcStrategyPostgresApp>(app);
