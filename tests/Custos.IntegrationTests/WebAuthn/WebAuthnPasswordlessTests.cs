using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using static Custos.IntegrationTests.WebAuthn.WebAuthnFlowNodes;

namespace Custos.IntegrationTests.WebAuthn;

/// <summary>
/// Security keys as first factor (<c>passwordless: true</c>) over HTTP: sign up with a key, the two login steps
/// (identifier, then the ceremony), refresh, and the lock-out rule for the last passwordless key.
/// </summary>
public abstract class WebAuthnPasswordlessTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : WebAuthnPasswordlessApp
{
    [SkippableFact]
    public async Task Registration_WithAKey_StoresAPasswordlessKey_AndSignsIn()
    {
        using var key = new SoftwareAuthenticator();
        var email = $"{Guid.NewGuid():N}@example.com";
        var client = new FlowClient(app, ClientKind.Spa);
        var profile = await client.InitAsync("registration");
        var flow = await CredentialsScreenAsync(client, profile, email);
        var again = await client.GetFlowAsync("registration", flow["id"]!.GetValue<string>());
        var options = JsonNode.Parse(Options(flow, "webauthn_register_trigger"))!["publicKey"]!;

        var response = await client.SubmitAsync(flow, new()
        {
            ["method"] = "webauthn",
            ["traits.email"] = email,
            ["webauthn_register"] = key.Create(options.Parent!.ToJsonString(), WebAuthnApp.Origin),
            ["webauthn_register_displayname"] = "Desk key",
        });
        var body = await response.JsonAsync();
        var credential = await new WebAuthnJourney(app).CredentialAsync(body["identity"]!["id"]!.GetValue<string>());
        var session = await (await client.WhoamiAsync()).JsonAsync();

        Assert.DoesNotContain(All(profile), n => n["group"]!.GetValue<string>() == "webauthn");
        Assert.Equal(1040004, LabelId(Get(flow, "webauthn_register_trigger")));
        Assert.Contains("webauthn_register_displayname", Names(flow));
        Assert.Contains("webauthn_script", Names(flow));
        Assert.Equal(Options(flow, "webauthn_register_trigger"), Options(again, "webauthn_register_trigger"));
        Assert.Equal(16, WebAuthnWire.Decode(options["user"]!["id"]!.GetValue<string>()).Length);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(credential["config"]!["credentials"]![0]!["is_passwordless"]!.GetValue<bool>());
        Assert.Equal("Desk key", credential["config"]!["credentials"]![0]!["display_name"]!.GetValue<string>());
        Assert.Equal([email], credential["identifiers"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await client.WhoamiAsync()).StatusCode);
        Assert.Equal(["webauthn:aal1"], WebAuthnJourney.Methods(session));
    }

    [SkippableFact]
    public async Task Login_StepOneSendsTheSpaToTheUi_StepTwoSignsInAtAal1()
    {
        var (email, key) = await RegisteredAsync();
        using var _key = key;
        var client = new FlowClient(app, ClientKind.Spa);
        var flow = await client.InitAsync("login");

        var step1 = await client.SubmitAsync(flow, new() { ["method"] = "webauthn", ["identifier"] = email });
        var step1Body = await step1.JsonAsync();
        var shown = await client.GetFlowAsync("login", flow["id"]!.GetValue<string>());
        var step2 = await client.SubmitAsync(shown, new()
        {
            ["method"] = "webauthn",
            ["identifier"] = Value(shown, "identifier"),
            ["webauthn_login"] = key.Get(Value(shown, "webauthn_login_trigger"), WebAuthnApp.Origin),
        });
        var session = await (await client.WhoamiAsync()).JsonAsync();

        Assert.Equal(1010008, LabelId(All(flow).Single(n => n["attributes"]!["name"]!.GetValue<string>() == "method" && n["group"]!.GetValue<string>() == "webauthn")));
        Assert.Equal("username webauthn", Get(flow, "identifier")["attributes"]!["autocomplete"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode)422, step1.StatusCode);
        Assert.Equal("browser_location_change_required", step1Body["error"]!["id"]!.GetValue<string>());
        Assert.Equal($"http://localhost:4455/login?flow={flow["id"]}", step1Body["redirect_browser_to"]!.GetValue<string>());
        Assert.Equal(["1010012"], FlowClient.MessageIds(shown));
        Assert.Equal(1010013, LabelId(Get(shown, "webauthn_login_trigger")));
        Assert.Equal("hidden", Get(shown, "identifier")["attributes"]!["type"]!.GetValue<string>());
        Assert.DoesNotContain("password", Names(shown));
        Assert.Equal(HttpStatusCode.OK, step2.StatusCode);
        Assert.Equal("aal1", session["authenticator_assurance_level"]!.GetValue<string>());
        Assert.Equal(["webauthn:aal1"], WebAuthnJourney.Methods(session));
    }

    [SkippableFact]
    public async Task Login_StepOneOfABrowser_Is303ToTheUi()
    {
        var (email, key) = await RegisteredAsync();
        using var _key = key;
        var client = new FlowClient(app, ClientKind.Browser);
        var flow = await client.InitAsync("login");

        var step1 = await client.SubmitAsync(flow, new() { ["method"] = "webauthn", ["identifier"] = email });

        Assert.Equal(HttpStatusCode.SeeOther, step1.StatusCode);
        Assert.Equal($"http://localhost:4455/login?flow={flow["id"]}", step1.Headers.Location!.ToString());
    }

    [SkippableFact]
    public async Task Login_UnknownIdentifier_Is4000015()
    {
        var client = new FlowClient(app, ClientKind.Spa);
        var flow = await client.InitAsync("login");

        var unknown = await client.SubmitAsync(flow, new() { ["method"] = "webauthn", ["identifier"] = "nobody@example.com" });
        var unknownBody = (await unknown.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(["4000015"], FlowClient.MessageIds(unknownBody));
        Assert.Equal("text", Get(unknownBody, "identifier")["attributes"]!["type"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Login_AnIdentityWithoutPasswordlessKey_Is4000015()
    {
        var (email, _, _) = await new WebAuthnJourney(app).SignedInAsync();
        var client = new FlowClient(app, ClientKind.Spa);
        var flow = await client.InitAsync("login");

        var response = await client.SubmitAsync(flow, new() { ["method"] = "webauthn", ["identifier"] = email });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["4000015"], FlowClient.MessageIds((await response.JsonAsync()).AsObject()));
    }

    [SkippableFact]
    public async Task Refresh_OffersTheKey_AndReAuthenticates()
    {
        var (email, key) = await RegisteredAsync();
        using var _key = key;
        var client = new FlowClient(app, ClientKind.Spa);
        await SignInAsync(client, email, key);

        var flow = await client.InitAsync("login", "?refresh=true");
        var response = await client.SubmitAsync(flow, new()
        {
            ["method"] = "webauthn",
            ["identifier"] = Value(flow, "identifier"),
            ["webauthn_login"] = key.Get(Value(flow, "webauthn_login_trigger"), WebAuthnApp.Origin),
        });

        Assert.Equal(email, Value(flow, "identifier"));
        Assert.Equal(1010008, LabelId(Get(flow, "webauthn_login_trigger")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [SkippableFact]
    public async Task Settings_TheLastPasswordlessKey_CannotBeRemoved()
    {
        var (email, key) = await RegisteredAsync();
        using var _key = key;
        var client = new FlowClient(app, ClientKind.Spa);
        await SignInAsync(client, email, key);
        var settings = await client.InitAsync("settings");
        var remove = Get(settings, "webauthn_remove");

        var refused = await client.SubmitAsync(settings, new() { ["method"] = "webauthn", ["webauthn_remove"] = remove["attributes"]!["value"]!.GetValue<string>() });
        var body = (await refused.JsonAsync()).AsObject();

        Assert.True(remove["attributes"]!["disabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("unable to remove this security key because it would lock you out of your account",
            Get(body, "webauthn_remove")["messages"]![0]!["text"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Settings_ASecondKey_IsPasswordless_AndThenEitherMayBeRemoved()
    {
        var (email, key) = await RegisteredAsync();
        using var _key = key;
        using var second = new SoftwareAuthenticator();
        var client = new FlowClient(app, ClientKind.Spa);
        await SignInAsync(client, email, key);

        var added = await WebAuthnJourney.AddKeyAsync(client, second, "second");
        var settings = await client.InitAsync("settings");
        var removes = All(settings).Where(n => n["attributes"]!["name"]?.GetValue<string>() == "webauthn_remove").ToList();
        var removed = await client.SubmitAsync(settings, new() { ["method"] = "webauthn", ["webauthn_remove"] = removes[0]["attributes"]!["value"]!.GetValue<string>() });
        var session = await (await client.WhoamiAsync()).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(2, removes.Count);
        Assert.All(removes, r => Assert.False(r["attributes"]!["disabled"]!.GetValue<bool>()));
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal("aal1", session["authenticator_assurance_level"]!.GetValue<string>());
    }

    private async Task<(string Email, SoftwareAuthenticator Key)> RegisteredAsync()
    {
        var key = new SoftwareAuthenticator();
        var email = $"{Guid.NewGuid():N}@example.com";
        var client = new FlowClient(app, ClientKind.Spa);
        var flow = await CredentialsScreenAsync(client, await client.InitAsync("registration"), email);
        var response = await client.SubmitAsync(flow, new()
        {
            ["method"] = "webauthn",
            ["traits.email"] = email,
            ["webauthn_register"] = key.Create(Options(flow, "webauthn_register_trigger"), WebAuthnApp.Origin),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (email, key);
    }

    // profile_first (the default style): the traits first, then the credential screen with the key ceremony.
    private static async Task<JsonObject> CredentialsScreenAsync(FlowClient client, JsonObject flow, string email)
    {
        await client.SubmitAsync(flow, new() { ["method"] = "profile", ["traits.email"] = email });
        return await client.GetFlowAsync("registration", flow["id"]!.GetValue<string>());
    }

    private static async Task SignInAsync(FlowClient client, string email, SoftwareAuthenticator key)
    {
        var flow = await client.InitAsync("login");
        await client.SubmitAsync(flow, new() { ["method"] = "webauthn", ["identifier"] = email });
        var shown = await client.GetFlowAsync("login", flow["id"]!.GetValue<string>());
        var response = await client.SubmitAsync(shown, new()
        {
            ["method"] = "webauthn",
            ["identifier"] = email,
            ["webauthn_login"] = key.Get(Value(shown, "webauthn_login_trigger"), WebAuthnApp.Origin),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class SqliteWebAuthnPasswordlessTests(WebAuthnPasswordlessApp app) : WebAuthnPasswordlessTests<WebAuthnPasswordlessApp>(app);

public sealed class PostgresWebAuthnPasswordlessTests(WebAuthnPasswordlessPostgresApp app) : WebAuthnPasswordlessTests<WebAuthnPasswordlessPostgresApp>(app);
