using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using static Custos.IntegrationTests.WebAuthn.WebAuthnFlowNodes;

namespace Custos.IntegrationTests.WebAuthn;

/// <summary>
/// The settings side of security keys over HTTP: the form, removing keys, refused ceremonies (400 with a flow message,
/// never a 500), the identifier trait a key needs, and API flows, which the method ignores.
/// </summary>
public abstract class WebAuthnSettingsTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : WebAuthnApp
{
    private readonly WebAuthnJourney _journey = new(app);

    [SkippableFact]
    public async Task TheForm_ListsKeysToRemove_AndExcludesThemFromANewCeremony()
    {
        var (_, _, client, key) = await _journey.WithKeyAsync();
        using var _key = key;

        var settings = await client.InitAsync("settings");
        var webauthn = All(settings).Where(n => n["group"]!.GetValue<string>() == "webauthn").ToList();
        var remove = Get(settings, "webauthn_remove");
        var options = JsonNode.Parse(Options(settings, "webauthn_register_trigger"))!["publicKey"]!;

        Assert.Equal(["webauthn_remove", "webauthn_register_displayname", "webauthn_register", "webauthn_register_trigger", "webauthn_script"],
            webauthn.Select(n => n["attributes"]!["name"]?.GetValue<string>() ?? n["attributes"]!["id"]!.GetValue<string>()));
        Assert.Equal(Convert.ToHexStringLower(key.Credentials[0].Id), remove["attributes"]!["value"]!.GetValue<string>());
        Assert.False(remove["attributes"]!["disabled"]!.GetValue<bool>());
        Assert.Equal(1050018, LabelId(remove));
        Assert.Equal("Remove security key \"key\"", remove["meta"]!["label"]!["text"]!.GetValue<string>());
        Assert.Equal(1050012, LabelId(Get(settings, "webauthn_register_trigger")));
        Assert.Equal([WebAuthnWire.Encode(key.Credentials[0].Id)], options["excludeCredentials"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task RemovingASecondFactorKey_IsAllowed_AndTheLastOneTakesTheKeysAway()
    {
        var (_, id, client, key) = await _journey.WithKeyAsync();
        using var _key = key;
        var settings = await client.InitAsync("settings");

        var removed = await client.SubmitAsync(settings, new() { ["method"] = "webauthn", ["webauthn_remove"] = Value(settings, "webauthn_remove") });
        var after = await client.InitAsync("settings");
        var keys = await _journey.KeyCountAsync(id);

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Null(Find(after, "webauthn_remove"));
        Assert.Equal(0, keys);
    }

    [SkippableFact]
    public async Task RemovingAnUnknownKey_Is4000001()
    {
        var (_, _, client, key) = await _journey.WithKeyAsync();
        using var _key = key;
        var settings = await client.InitAsync("settings");

        var response = await client.SubmitAsync(settings, new() { ["method"] = "webauthn", ["webauthn_remove"] = "666f6f666f6f" });
        var body = (await response.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["4000001"], FlowClient.MessageIds(body));
        Assert.Equal("You tried to remove a WebAuthn credential which does not exist.", body["ui"]!["messages"]![0]!["text"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData("unparsable", "Unable to parse WebAuthn response")]
    [InlineData("origin", "Unable to create WebAuthn credential")]
    [InlineData("challenge", "Unable to create WebAuthn credential")]
    public async Task ARefusedCeremony_Is400With4000001_NotA500(string broken, string reason)
    {
        var (_, id, client) = await _journey.SignedInAsync();
        using var key = new SoftwareAuthenticator();
        var settings = await client.InitAsync("settings");
        var options = Options(settings, "webauthn_register_trigger");
        var response = broken switch
        {
            "unparsable" => "{\"id\":",
            "origin" => key.Create(options, "http://evil.example:4455"),
            _ => key.Create(options, WebAuthnApp.Origin, new SoftwareTamper { Challenge = new byte[32] }),
        };

        var refused = await client.SubmitAsync(settings, new() { ["method"] = "webauthn", ["webauthn_register"] = response });
        var body = (await refused.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["4000001"], FlowClient.MessageIds(body));
        Assert.StartsWith(reason, body["ui"]!["messages"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await _journey.KeyCountAsync(id));
    }

    [SkippableFact]
    public async Task ASchemaWithoutAWebAuthnIdentifier_RefusesTheKey_With4000009()
    {
        var (_, _, client) = await _journey.SignedInAsync("password-only");
        using var key = new SoftwareAuthenticator();

        var refused = await WebAuthnJourney.AddKeyAsync(client, key, "key");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["4000009"], FlowClient.MessageIds((await refused.JsonAsync()).AsObject()));
    }

    [SkippableFact]
    public async Task ApiFlows_HaveNoWebAuthnNodes_AndIgnoreItsSubmissions()
    {
        var (email, _, _, key) = await _journey.WithKeyAsync();
        using var _key = key;
        var api = new FlowClient(app, ClientKind.Api);
        await api.LoginAsync(email, WebAuthnJourney.Password);

        var stepUp = await api.InitAsync("login", "?aal=aal2");
        var submitted = await api.SubmitAsync(stepUp, new() { ["method"] = "webauthn", ["identifier"] = email, ["webauthn_login"] = key.Get("""{"publicKey":{"challenge":"AAAA","rpId":"localhost"}}""", WebAuthnApp.Origin) });
        var submittedBody = (await submitted.JsonAsync()).AsObject();

        Assert.DoesNotContain(All(stepUp), n => n["group"]!.GetValue<string>() == "webauthn");
        Assert.Equal(HttpStatusCode.BadRequest, submitted.StatusCode);
        Assert.Equal(["4010002"], FlowClient.MessageIds(submittedBody));

        var fresh = new FlowClient(app, ClientKind.Api);
        var (otherEmail, _, _) = await _journey.SignedInAsync();
        await fresh.LoginAsync(otherEmail, WebAuthnJourney.Password);
        var settings = await fresh.InitAsync("settings");
        var add = await fresh.SubmitAsync(settings, new() { ["method"] = "webauthn", ["webauthn_register"] = "{}" });

        Assert.DoesNotContain(All(settings), n => n["group"]!.GetValue<string>() == "webauthn");
        Assert.Equal(HttpStatusCode.BadRequest, add.StatusCode);
        Assert.NotEqual("success", (await add.JsonAsync())["state"]?.GetValue<string>());
    }
}

public sealed class SqliteWebAuthnSettingsTests(WebAuthnApp app) : WebAuthnSettingsTests<WebAuthnApp>(app);

public sealed class PostgresWebAuthnSettingsTests(WebAuthnPostgresApp app) : WebAuthnSettingsTests<WebAuthnPostgresApp>(app);
