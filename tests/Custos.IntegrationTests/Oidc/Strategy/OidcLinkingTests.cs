using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Oidc.Strategy;

/// <summary>
/// Account linking and settings through the real routes (strategies contract §5.8, §5.10), on SQLite and PostgreSQL: a
/// provider account whose e-mail belongs to a password account links only after that account signs in, never to
/// another one; settings link and unlink, refuse a subject that is someone else's and the last first factor.
/// </summary>
public abstract class OidcLinkingTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : OidcStrategyApp
{
    private const string Password = "correct horse battery staple 42";
    private readonly OidcDance _dance = new(app);

    private static string Sub() => "sub-" + Guid.NewGuid().ToString("N");

    private static string Email() => $"{Guid.NewGuid():N}@example.com";

    /// <summary>The callback for a provider account whose e-mail collides; returns the linking login flow it leads to.</summary>
    private async Task<JsonObject> LinkingFlowAsync(FlowClient client, string sub, string email)
    {
        var callback = await _dance.SignInAsync(client, "login", sub, email);

        Assert.True(callback.StatusCode == HttpStatusCode.SeeOther, await callback.Content.ReadAsStringAsync());
        var flow = await client.GetFlowAsync("login", OidcDance.FlowIdIn(callback.Headers.Location!));
        Assert.Equal(["1010016"], FlowClient.MessageIds(flow));
        return flow;
    }

    [SkippableTheory]
    [InlineData(ClientKind.Browser)]
    [InlineData(ClientKind.Api)]
    public async Task AnEmailOfAPasswordAccount_LinksOnlyAfterThatAccountSignsIn(ClientKind kind)
    {
        var (sub, email) = (Sub(), Email());
        var existing = (await app.Admin().CreateIdentityAsync(email, Password))["id"]!.GetValue<string>();
        var client = new FlowClient(app, kind);

        var linking = await LinkingFlowAsync(client, sub, email);

        Assert.Equal(email, linking["ui"]!["messages"]![0]!["context"]!["duplicate_identifier"]!.GetValue<string>());
        var identifier = linking["ui"]!["nodes"]!.AsArray().Single(n => n!["attributes"]!["name"]?.GetValue<string>() == "identifier")!;
        Assert.Equal(("hidden", email), (identifier["attributes"]!["type"]!.GetValue<string>(), identifier["attributes"]!["value"]!.GetValue<string>()));
        Assert.Empty(await _dance.IdentifiersAsync(existing));

        var proved = await client.SubmitAsync(linking, new() { ["method"] = "password", ["identifier"] = email, ["password"] = Password });
        if (kind == ClientKind.Api)
        {
            Assert.Equal(HttpStatusCode.OK, proved.StatusCode);
            client.SessionToken = (await proved.JsonAsync())["session_token"]!.GetValue<string>();
        }
        else
        {
            Assert.Equal(HttpStatusCode.SeeOther, proved.StatusCode);
        }

        Assert.Equal([$"op:{sub}"], await _dance.IdentifiersAsync(existing));
        var whoami = (await (await client.WhoamiAsync()).JsonAsync()).AsObject();
        Assert.Equal(existing, whoami["identity"]!["id"]!.GetValue<string>());
        Assert.Equal(
            ["password", "oidc"],
            whoami["authentication_methods"]!.AsArray().Select(m => m!["method"]!.GetValue<string>()));

        var later = new FlowClient(app, kind);
        var again = await OidcDance.SignedInAsync(later, await _dance.SignInAsync(later, "login", sub, email));
        Assert.Equal(existing, again["identity"]!["id"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task ASignInToAnotherAccountThanTheCollidingOne_IsRefused_4010009()
    {
        var (sub, email, other) = (Sub(), Email(), Email());
        await app.Admin().CreateIdentityAsync(email, Password);
        await app.Admin().CreateIdentityAsync(other, Password);
        var client = new FlowClient(app, ClientKind.Api);
        var linking = await LinkingFlowAsync(client, sub, email);

        var refused = await client.SubmitAsync(linking, new() { ["method"] = "password", ["identifier"] = other, ["password"] = Password });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["4010009"], FlowClient.MessageIds((await refused.JsonAsync()).AsObject()));
        var otherId = (await (await app.Admin().GetAsync($"/admin/identities?credentials_identifier={other}")).JsonAsync())[0]!["id"]!.GetValue<string>();
        Assert.Empty(await _dance.IdentifiersAsync(otherId));
    }

    /// <summary>Presses <c>link</c> in settings; returns what the provider is sent (state and PKCE challenge).</summary>
    private async Task<OidcDance.Started> LinkInSettingsAsync(FlowClient client)
    {
        var settings = await client.InitAsync("settings");
        var link = settings["ui"]!["nodes"]!.AsArray().Single(n => n!["attributes"]!["name"]?.GetValue<string>() == "link" && n["attributes"]!["value"]?.GetValue<string>() == "op")!;
        Assert.Equal(1050002, link["meta"]!["label"]!["id"]!.GetValue<int>());
        var pressed = await client.SubmitAsync(settings, new() { ["method"] = "oidc", ["link"] = "op" });
        Assert.True(pressed.StatusCode == HttpStatusCode.SeeOther, await pressed.Content.ReadAsStringAsync());
        var url = pressed.Headers.Location!;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query);
        Assert.StartsWith(app.Idp.Url, url.ToString());
        return new OidcDance.Started(settings, url.ToString(), query["state"].ToString(), query["code_challenge"].ToString());
    }

    [SkippableFact]
    public async Task Settings_LinkAProviderAccount_ThenUnlinkIt()
    {
        var (sub, email) = (Sub(), Email());
        var id = (await app.Admin().CreateIdentityAsync(email, Password))["id"]!.GetValue<string>();
        var client = new FlowClient(app, ClientKind.Browser);
        Assert.Equal(HttpStatusCode.SeeOther, (await client.LoginAsync(email, Password)).StatusCode);

        var started = await LinkInSettingsAsync(client);
        var done = await OidcDance.OpenAsync(client, _dance.Approve(started, _dance.Claims(sub, email)));

        Assert.Equal(HttpStatusCode.SeeOther, done.StatusCode);
        Assert.DoesNotContain("/error", done.Headers.Location!.ToString());
        Assert.Equal([$"op:{sub}"], await _dance.IdentifiersAsync(id));

        var after = await client.InitAsync("settings");
        var unlinkNode = after["ui"]!["nodes"]!.AsArray().Single(n => n!["attributes"]!["name"]?.GetValue<string>() == "unlink")!;
        Assert.Equal(1050003, unlinkNode["meta"]!["label"]!["id"]!.GetValue<int>());
        var unlinked = await client.SubmitAsync(after, new() { ["method"] = "oidc", ["unlink"] = "op" });
        Assert.True(unlinked.StatusCode is HttpStatusCode.OK or HttpStatusCode.SeeOther, await unlinked.Content.ReadAsStringAsync());
        Assert.Empty(await _dance.IdentifiersAsync(id));
    }

    [SkippableFact]
    public async Task Settings_RefuseToLinkASubjectThatIsSomeoneElses_4000007()
    {
        var sub = Sub();
        var owner = new FlowClient(app, ClientKind.Api);
        var ownerId = (await OidcDance.SignedInAsync(owner, await _dance.SignInAsync(owner, "registration", sub, Email())))["identity"]!["id"]!.GetValue<string>();
        var email = Email();
        var id = (await app.Admin().CreateIdentityAsync(email, Password))["id"]!.GetValue<string>();
        var client = new FlowClient(app, ClientKind.Browser);
        Assert.Equal(HttpStatusCode.SeeOther, (await client.LoginAsync(email, Password)).StatusCode);

        var done = await OidcDance.OpenAsync(client, _dance.Approve(await LinkInSettingsAsync(client), _dance.Claims(sub, email)));

        Assert.Equal(HttpStatusCode.SeeOther, done.StatusCode);
        Assert.StartsWith("http://localhost:4455/settings?flow=", done.Headers.Location!.ToString());
        var shown = await client.GetFlowAsync("settings", OidcDance.FlowIdIn(done.Headers.Location!));
        Assert.Contains("4000007", FlowClient.MessageIds(shown));
        Assert.Empty(await _dance.IdentifiersAsync(id));
        Assert.Equal([$"op:{sub}"], await _dance.IdentifiersAsync(ownerId));
    }

    [SkippableFact]
    public async Task Settings_RefuseToUnlinkTheLastFirstFactor()
    {
        var client = new FlowClient(app, ClientKind.Api);
        var id = (await OidcDance.SignedInAsync(client, await _dance.SignInAsync(client, "registration", Sub(), Email())))["identity"]!["id"]!.GetValue<string>();
        var settings = await client.InitAsync("settings");
        Assert.DoesNotContain(settings["ui"]!["nodes"]!.AsArray(), n => n!["attributes"]!["name"]?.GetValue<string>() == "unlink");

        var refused = await client.SubmitAsync(settings, new() { ["method"] = "oidc", ["unlink"] = "op" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(
            "can not unlink OpenID Connect connection because it is the last remaining first factor credential",
            (await refused.JsonAsync())["ui"]!["messages"]![0]!["text"]!.GetValue<string>());
        Assert.Single(await _dance.IdentifiersAsync(id));
    }
}

public sealed class SqliteOidcLinkingTests(OidcStrategyApp app) : OidcLinkingTests<OidcStrategyApp>(app);

public sealed class PostgresOidcLinkingTests(OidcStrategyPostgresApp app) : OidcLinkingTests<OidcStrategyPostgresApp>(app);
