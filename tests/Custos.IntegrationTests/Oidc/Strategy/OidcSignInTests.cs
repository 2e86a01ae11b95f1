using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Oidc.Strategy;

/// <summary>
/// Social sign-in through the real routes against a local OpenID Provider (strategies contract §5.2–5.7), on SQLite and
/// PostgreSQL: the first sign-in registers, the second signs in; the state and the continuity cookie; the provider's
/// errors and failing mappers shown on the flow; the completion form for missing traits.
/// </summary>
public abstract class OidcSignInTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : OidcStrategyApp
{
    private const string Prefix = "Unable to complete OpenID Connect flow because ";
    private readonly OidcDance _dance = new(app);

    private static string Sub() => "sub-" + Guid.NewGuid().ToString("N");

    [SkippableTheory]
    [InlineData(ClientKind.Browser)]
    [InlineData(ClientKind.Api)]
    public async Task TheFirstSignInRegisters_WithEncryptedTokens_TheSecondSignsInToTheSameIdentity(ClientKind kind)
    {
        var (sub, email) = (Sub(), $"{Guid.NewGuid():N}@example.com");
        var first = new FlowClient(app, kind);

        var session = await OidcDance.SignedInAsync(first, await _dance.SignInAsync(first, "login", sub, email));

        var identity = session["identity"]!;
        var id = identity["id"]!.GetValue<string>();
        Assert.Equal(email, identity["traits"]!["email"]!.GetValue<string>());
        Assert.Equal(app.Idp.Url, identity["metadata_public"]!["upstream_issuer"]!.GetValue<string>());
        Assert.True(identity["verifiable_addresses"]![0]!["verified"]!.GetValue<bool>());
        var amr = session["authentication_methods"]!.AsArray().Last()!;
        Assert.Equal(("oidc", "op"), (amr["method"]!.GetValue<string>(), amr["provider"]!.GetValue<string>()));

        var credential = (await _dance.AdminIdentityAsync(id))["credentials"]!["oidc"]!;
        Assert.Equal([$"op:{sub}"], credential["identifiers"]!.AsArray().Select(i => i!.GetValue<string>()));
        var entry = credential["config"]!["providers"]![0]!;
        Assert.Equal("access-token-1", entry["initial_access_token"]!.GetValue<string>());
        Assert.Equal("refresh-token-1", entry["initial_refresh_token"]!.GetValue<string>());
        var raw = await _dance.RawConfigAsync(id);
        Assert.Contains(sub, raw);
        Assert.DoesNotContain("access-token-1", raw);
        Assert.DoesNotContain("refresh-token-1", raw);
        Assert.DoesNotContain("eyJ", raw); // no JWT (the id_token) in clear
        Assert.Matches("\"initial_access_token\":\\s*\"[^\"]{20,}\"", raw);

        var second = new FlowClient(app, kind);
        var again = await OidcDance.SignedInAsync(second, await _dance.SignInAsync(second, "registration", sub, email));
        Assert.Equal(id, again["identity"]!["id"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task ATamperedOrMissingState_IsRefused_AndSpendsNothing()
    {
        var client = new FlowClient(app, ClientKind.Browser);
        var started = await _dance.StartAsync(client, "login");
        var genuine = _dance.Approve(started, _dance.Claims(Sub(), $"{Guid.NewGuid():N}@example.com"));
        var code = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + genuine).Query)["code"].ToString();
        var flipped = started.State[..^2] + (started.State[^2] == 'A' ? 'B' : 'A') + started.State[^1];

        var tampered = await OidcDance.OpenAsync(client, OidcDance.CallbackUrl("op", new Dictionary<string, string?> { ["code"] = code, ["state"] = flipped }), json: true);
        var missing = await OidcDance.OpenAsync(client, OidcDance.CallbackUrl("op", new Dictionary<string, string?> { ["code"] = code }), json: true);
        var garbage = await OidcDance.OpenAsync(client, OidcDance.CallbackUrl("op", new Dictionary<string, string?> { ["code"] = code, ["state"] = "not-ours" }), json: true);

        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Contains("state parameter", (await tampered.JsonAsync())["error"]!["reason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(Prefix + "the OpenID Provider did not return the state query parameter.", (await missing.JsonAsync())["error"]!["reason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Equal(Prefix + "the state parameter is invalid.", (await garbage.JsonAsync())["error"]!["reason"]!.GetValue<string>());
        await OidcDance.SignedInAsync(client, await OidcDance.OpenAsync(client, genuine));
    }

    [SkippableFact]
    public async Task TheSameCallbackTwice_IsRefusedTheSecondTime()
    {
        var client = new FlowClient(app, ClientKind.Browser);
        var callback = _dance.Approve(await _dance.StartAsync(client, "login"), _dance.Claims(Sub(), $"{Guid.NewGuid():N}@example.com"));
        await OidcDance.SignedInAsync(client, await OidcDance.OpenAsync(client, callback));

        var replay = await OidcDance.OpenAsync(client, callback, json: true);

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Matches("state parameter is invalid|necessary cookie", (await replay.JsonAsync())["error"]!["reason"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task FiftyConcurrentCallbacks_OfTheSameSignIn_MakeExactlyOneSession()
    {
        var client = new FlowClient(app, ClientKind.Browser);
        var callback = _dance.Approve(await _dance.StartAsync(client, "login"), _dance.Claims(Sub(), $"{Guid.NewGuid():N}@example.com"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => OidcDance.OpenAsync(client, callback, json: true)));

        var statuses = answers.Select(a => (int)a.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s is 200 or 303));
        Assert.Equal(49, statuses.Count(s => s == 400));
        Assert.Single(app.Idp.Requests, r => r.Method == "POST" && r.Form.GetValueOrDefault("code") == CodeOf(callback));
        var whoami = await client.WhoamiAsync();
        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        var id = (await whoami.JsonAsync())["identity"]!["id"]!.GetValue<string>();
        var sessions = (await (await app.Admin().GetAsync($"/admin/identities/{id}/sessions")).JsonAsync()).AsArray();
        Assert.Single(sessions);
    }

    [SkippableFact]
    public async Task ACallbackInAnotherBrowser_WithoutTheContinuityCookie_IsRefused()
    {
        var client = new FlowClient(app, ClientKind.Browser);
        var callback = _dance.Approve(await _dance.StartAsync(client, "login"), _dance.Claims(Sub(), $"{Guid.NewGuid():N}@example.com"));

        var stranger = await OidcDance.OpenAsync(new FlowClient(app, ClientKind.Browser), callback, json: true);

        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Contains("does not contain the necessary cookie", (await stranger.JsonAsync())["error"]!["reason"]!.GetValue<string>());
        Assert.DoesNotContain(app.Idp.Requests, r => r.Method == "POST" && r.Form.GetValueOrDefault("code") == CodeOf(callback));
    }

    [SkippableFact]
    public async Task APendingSignInOlderThanItsAge_IsRefused()
    {
        var client = new FlowClient(app, ClientKind.Browser);
        var started = await _dance.StartAsync(client, "login");
        app.ManualClock.Advance(TimeSpan.FromMinutes(31));
        var callback = _dance.Approve(started, _dance.Claims(Sub(), $"{Guid.NewGuid():N}@example.com"));

        var late = await OidcDance.OpenAsync(client, callback, json: true);

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("does not contain the necessary cookie", (await late.JsonAsync())["error"]!["reason"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task TheProvidersAccessDenied_IsShownOnTheLoginFlow()
    {
        var client = new FlowClient(app, ClientKind.Browser);
        var started = await _dance.StartAsync(client, "login");

        var denied = await OidcDance.OpenAsync(client, OidcDance.CallbackUrl("op", new Dictionary<string, string?> { ["error"] = "access_denied", ["error_description"] = "The user denied the request", ["state"] = started.State }));

        Assert.Equal(HttpStatusCode.SeeOther, denied.StatusCode);
        Assert.StartsWith("http://localhost:4455/login?flow=", denied.Headers.Location!.ToString());
        var flow = await client.GetFlowAsync("login", OidcDance.FlowIdIn(denied.Headers.Location!));
        var message = Assert.Single(flow["ui"]!["messages"]!.AsArray())!;
        Assert.Equal(4000001, message["id"]!.GetValue<int>());
        Assert.Equal(Prefix + "the OpenID Provider returned error \"access_denied\": The user denied the request", message["text"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task TheProvidersAccessDenied_OnARegistration_ShowsContinueAndTheMessage()
    {
        var client = new FlowClient(app, ClientKind.Api);
        var started = await _dance.StartAsync(client, "registration");

        var denied = await OidcDance.OpenAsync(client, OidcDance.CallbackUrl("op", new Dictionary<string, string?> { ["error"] = "access_denied", ["state"] = started.State }), json: true);

        Assert.Equal(HttpStatusCode.BadRequest, denied.StatusCode);
        var flow = (await denied.JsonAsync()).AsObject();
        Assert.Contains("4000001", FlowClient.MessageIds(flow));
        var cont = flow["ui"]!["nodes"]!.AsArray().Single(n => n!["attributes"]!["name"]?.GetValue<string>() == "provider" && n["attributes"]!["value"]?.GetValue<string>() == "op")!;
        Assert.Equal(1040003, cont["meta"]!["label"]!["id"]!.GetValue<int>());
    }

    [SkippableTheory]
    [InlineData("failing")]
    [InlineData("looping")]
    public async Task AMapperThatFails_IsAFlowError_NeverA500(string provider)
    {
        foreach (var kind in new[] { ClientKind.Api, ClientKind.Browser })
        {
            var client = new FlowClient(app, kind);
            var started = await _dance.StartAsync(client, "login", provider);

            var answer = await OidcDance.OpenAsync(client, _dance.Approve(started, _dance.Claims(Sub(), $"{Guid.NewGuid():N}@example.com"), provider), json: kind == ClientKind.Api);

            var body = await answer.Content.ReadAsStringAsync();
            if (kind == ClientKind.Api)
            {
                Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, body);
                Assert.NotEmpty(FlowClient.MessageIds(JsonNode.Parse(body)!.AsObject()));
            }
            else
            {
                Assert.True(answer.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther, $"{(int)answer.StatusCode} {body}");
                var location = answer.Headers.Location!;
                if (location.AbsolutePath == "/error")
                {
                    var error = await (await app.Public().GetAsync("/self-service/errors?id=" + OidcDance.QueryValue(location, "id"))).JsonAsync();
                    Assert.Fail($"{location} {error.ToJsonString()}");
                }

                Assert.StartsWith("http://localhost:4455/registration?flow=", location.ToString());
                Assert.NotEmpty(FlowClient.MessageIds(await client.GetFlowAsync("registration", OidcDance.FlowIdIn(location))));
            }
        }
    }

    [SkippableFact]
    public async Task MissingTraits_ShowTheCompletionForm_WhoseSubmitFinishesTheRegistration()
    {
        var client = new FlowClient(app, ClientKind.Browser);
        var sub = Sub();
        var claims = _dance.Claims(sub, null);
        claims["given_name"] = "No";
        claims["family_name"] = "Mail";

        var back = await OidcDance.OpenAsync(client, _dance.Approve(await _dance.StartAsync(client, "login"), claims));

        Assert.True(back.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther, await back.Content.ReadAsStringAsync());
        Assert.StartsWith("http://localhost:4455/registration?flow=", back.Headers.Location!.ToString());
        var form = await client.GetFlowAsync("registration", OidcDance.FlowIdIn(back.Headers.Location!));
        var nodes = form["ui"]!["nodes"]!.AsArray();
        JsonNode Node(string name) => nodes.Single(n => n!["attributes"]!["name"]?.GetValue<string>() == name)!;
        Assert.Equal([4000002], Node("traits.email")["messages"]!.AsArray().Select(m => m!["id"]!.GetValue<int>()));
        Assert.Equal("No", Node("traits.name.first")["attributes"]!["value"]!.GetValue<string>());
        Assert.Equal(1040003, Node("provider")["meta"]!["label"]!["id"]!.GetValue<int>());
        Assert.DoesNotContain(nodes, n => n!["attributes"]!["name"]?.GetValue<string>() == "password");

        var email = $"{Guid.NewGuid():N}@example.com";
        var second = await _dance.StartAsync(client, "registration", flow: form, extra: new() { ["traits.email"] = email, ["traits.name.first"] = "No", ["traits.name.last"] = "Mail" });
        var session = await OidcDance.SignedInAsync(client, await OidcDance.OpenAsync(client, _dance.Approve(second, _dance.Claims(sub, null))));

        Assert.Equal(email, session["identity"]!["traits"]!["email"]!.GetValue<string>());
        Assert.Equal([$"op:{sub}"], await _dance.IdentifiersAsync(session["identity"]!["id"]!.GetValue<string>()));
    }

    private static string CodeOf(string callback) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + callback).Query)["code"].ToString();
}

public sealed class SqliteOidcSignInTests(OidcStrategyApp app) : OidcSignInTests<OidcStrategyApp>(app);

public sealed class PostgresOidcSignInTests(OidcStrategyPostgresApp app) : OidcSignInTests<OidcStrategyPostgresApp>(app);
